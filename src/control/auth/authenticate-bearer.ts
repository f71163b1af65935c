import { verifyAccessToken } from "./access-token";
import { authRefuse, isAuthRefusal, type AuthRefusal } from "./auth-refusal";
import { authenticateApiToken } from "./authenticate-api-token";
import { checkSession } from "./check-session";
import type { Principal } from "./session-tokens";

/**
 * The control API's one door: `Authorization: Bearer <access JWT | apitok_…>`. Agent tokens (`ic_…`) and lease
 * tokens (`icl_…`) are refused here — they only work on the gateway — and control tokens are not agent tokens.
 */
export async function authenticateBearer(env: Env, authorization: string | null): Promise<Principal | AuthRefusal> {
  const match = authorization === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const token = match?.[1];
  if (token === undefined) return authRefuse("INVALID_TOKEN", "Send `Authorization: Bearer <access token or apitok_… API token>`.");
  if (token.startsWith("ic_") || token.startsWith("icl_")) return authRefuse("INVALID_TOKEN", "Agent and lease tokens cannot call the control API.");
  if (token.startsWith("apitok_")) return authenticateApiToken(env, token);
  const claims = await verifyAccessToken(env, token);
  if (isAuthRefusal(claims)) return claims;
  return checkSession(env, claims);
}
