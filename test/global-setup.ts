// Vitest globalSetup (runs in Node, once per run): starts the mock LLM provider on a random port and
// hands its URL to the tests, which run inside workerd: `inject("mockProviderUrl")`.
import type { TestProject } from "vitest/node";
import { startMockProvider } from "../mock-provider/serve.mjs";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMockProvider();
  project.provide("mockProviderUrl", mock.url);
  return () => mock.dispose();
}
