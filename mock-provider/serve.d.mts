/** Types of serve.mjs (plain Node ESM) for TypeScript callers such as test/global-setup.ts. */
export interface MockProvider {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:40123". */
  url: string;
  dispose(): Promise<void>;
}

export function bundleMockProvider(): Promise<string>;

export function startMockProvider(options?: { port?: number; host?: string }): Promise<MockProvider>;
