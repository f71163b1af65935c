import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("./d1-migrations");

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          IRON_ENV: "test",
          IRON_MASTER_KEY: "dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmctISE",
          IRON_DEV_SEED_KEY: "test-seed-key",
          IRON_JWT_SECRET: "test-jwt-secret-at-least-32-bytes-long-0123456789",
          // A local .dev.vars (written by `npm start`) must not leak a first admin or a setup token into tests.
          IRON_ADMIN_EMAIL: "",
          IRON_ADMIN_PASSWORD: "",
          IRON_SETUP_TOKEN: "",
          TEST_MIGRATIONS: migrations,
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "durable-objects/**/*.test.ts", "mock-provider/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup/apply-migrations.ts", "./test/setup/canary-watch.ts"],
    testTimeout: 30_000,
    maxWorkers: 2,
    silent: "passed-only",
  },
});
