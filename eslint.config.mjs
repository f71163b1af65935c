// Type-aware lint: floating promises are bugs on Workers (await them or hand them to waitUntil).
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", "worker-configuration.d.ts", ".wrangler", "dashboard/dist", "bench/results", "**/*.mjs", "sdk"] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": "off",
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
);
