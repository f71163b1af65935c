// Runs the mock LLM provider (mock-provider/src/index.ts) in a local workerd through Miniflare.
// Used by test/global-setup.ts, `npm start` and the benchmarks. Plain Node ESM (Node 22).
//   import { startMockProvider } from "./mock-provider/serve.mjs";
//   const { url, dispose } = await startMockProvider({ port: 0 });
// or from a shell: `npx node mock-provider/serve.mjs --port 8788 [--host 127.0.0.1]`
import { build } from "esbuild";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("./src/index.ts", import.meta.url));

/** Bundles the mock Worker into one ES module (tokenizer ranks from js-tiktoken included). */
export async function bundleMockProvider() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser", "import", "default"],
    // @microsoft/tiktokenizer lazily `require`s fs/path only for loading ranks from files, which the mock never does.
    external: ["fs", "path", "node:*"],
    write: false,
    logLevel: "error",
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error("mock-provider: esbuild produced no output");
  return file.text;
}

/** workerd's log lines, minus the expected "uncaught" error of every `fault=disconnect` (the stream is errored on purpose). */
function printLog({ level, message }) {
  if (message.includes("mock-provider: fault=disconnect")) return;
  if (level === "error" || level === "warn") console.error(message);
  else console.log(message);
}

/**
 * Starts the mock provider on `host:port` (port 0 = a free port).
 * Resolves to `{ url, dispose }`; `url` has no trailing slash, e.g. "http://127.0.0.1:40123".
 * OpenAI clients use `${url}/v1` as base URL, Anthropic clients use `url`.
 */
export async function startMockProvider({ port = 0, host = "127.0.0.1" } = {}) {
  const script = await bundleMockProvider();
  // Miniflare 5 takes a new options shape; the documented converter keeps the v4 one (and no dev registry).
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      name: "mock-provider",
      modules: true,
      script,
      scriptPath: "mock-provider.mjs",
      compatibilityDate: "2026-11-01",
      compatibilityFlags: ["nodejs_compat"],
      port,
      host,
      handleStructuredLogs: printLog,
    }),
  );
  const ready = await mf.ready;
  const url = ready.href.replace(/\/$/, "");
  return { url, dispose: () => mf.dispose() };
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(argValue("--port") ?? "8788");
  const host = argValue("--host") ?? "127.0.0.1";
  const { url, dispose } = await startMockProvider({ port, host });
  console.log(`mock provider listening on ${url}`);
  const stop = () => {
    dispose().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
