// Vite builds the dashboard into dist/ (static files: Cloudflare Pages, or scripts/serve.mjs locally).
// Preact's automatic JSX runtime through Vite's own transformer: no framework plugin needed.
import { defineConfig } from "vite";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false, reportCompressedSize: false },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", port: 8789 },
  test: { include: ["test/**/*.test.ts", "test/**/*.test.tsx"], environment: "node", maxWorkers: 2 },
});
