// The typed control-API client shared with the dashboard (client/, bundled into dist/iron.mjs by esbuild).
export * from "../../client/src/index.js";
