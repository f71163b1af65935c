// Values test/global-setup.ts provides to every test: `inject("mockProviderUrl")`.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the mock LLM provider (no trailing slash); OpenAI clients append "/v1". */
    mockProviderUrl: string;
  }
}
