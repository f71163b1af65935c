import { env } from "cloudflare:workers";
import { isRefusal } from "../../../src/errors/refusal";
import { createProvider } from "../../../src/services/providers/create-provider";
import { CANARY_MARK } from "../../helpers/canary";
import { mockUrl } from "../../helpers/fixtures";
import type { MatrixCases } from "./types";

/** Providers are global objects (no owner): admins write, every signed-in role reads. */
const key = (): string => `sk-${CANARY_MARK}-m-${crypto.randomUUID()}`;

async function freshProvider(): Promise<string> {
  const created = await createProvider(env, { name: `mx-${crypto.randomUUID()}`, kind: "openai", baseUrl: `${mockUrl()}/v1`, apiKey: key() });
  if (isRefusal(created)) throw new Error(created.message);
  return created.id;
}

export const cases: MatrixCases = {
  createProvider: {
    access: "any",
    prepare: () => Promise.resolve({ path: "/providers", body: { name: `mx-${crypto.randomUUID()}`, kind: "openai", base_url: `${mockUrl()}/v1`, api_key: key() } }),
  },
  listProviders: { access: "any", prepare: () => Promise.resolve({ path: "/providers?limit=5" }) },
  getProvider: { access: "any", prepare: async () => ({ path: `/providers/${await freshProvider()}` }) },
  updateProvider: { access: "any", prepare: async () => ({ path: `/providers/${await freshProvider()}`, body: { name: `mx-${crypto.randomUUID()}` } }) },
  rotateProviderKey: { access: "any", prepare: async () => ({ path: `/providers/${await freshProvider()}/rotate-key`, body: { api_key: key() } }) },
  disableProvider: { access: "any", prepare: async () => ({ path: `/providers/${await freshProvider()}/disable` }) },
  enableProvider: { access: "any", prepare: async () => ({ path: `/providers/${await freshProvider()}/enable` }) },
  deleteProvider: { access: "any", prepare: async () => ({ path: `/providers/${await freshProvider()}` }) },
};
