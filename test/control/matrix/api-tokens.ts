import { env } from "cloudflare:workers";
import { createApiToken } from "../../../src/control/auth/create-api-token";
import { expectValue, TRAIL } from "../../../src/control/auth/test-support";
import type { MatrixCases } from "./types";

/**
 * Authorization-matrix cases of the API-token routes. Every signed-in person manages their own tokens, so each
 * cell acts on a token of its caller ("any"); revoking someone else's (NOT_FOUND for users and viewers, allowed for
 * admins) is covered in test/control/api-tokens/api-tokens.test.ts — the matrix's "owned" rule would expect a
 * viewer to succeed on another person's token.
 */
export const cases: MatrixCases = {
  createApiToken: { access: "any", prepare: () => Promise.resolve({ path: "/api-tokens", body: { name: "matrix" } }) },
  listApiTokens: { access: "any", prepare: () => Promise.resolve({ path: "/api-tokens" }) },
  revokeApiToken: {
    access: "any",
    prepare: async (world, _whose, caller) => {
      const created = expectValue(await createApiToken(env, { userId: (caller ?? world.owner).id, name: "matrix" }, TRAIL));
      return { path: `/api-tokens/${created.apiToken.id}` };
    },
  },
};
