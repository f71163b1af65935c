import { z } from "zod";
import type { SignedIn } from "../../auth/session-tokens";
import { humanRole } from "../users/schemas";

export { humanRole };

export const sessionJson = z
  .object({
    access_token: z.string().meta({ description: "JWT for `Authorization: Bearer`; valid 10 minutes, and only while the session lives." }),
    access_token_expires_at: z.string(),
    refresh_token: z.string().meta({ description: "`irt_…`, shown only here: trade it at POST /auth/refresh (each one works once)." }),
    refresh_token_expires_at: z.string(),
    token_type: z.literal("Bearer"),
    user: z.object({ id: z.string(), email: z.string(), role: humanRole }),
  })
  .meta({ id: "Session" });

export function sessionJsonOf(session: SignedIn): z.input<typeof sessionJson> {
  return {
    access_token: session.accessToken,
    access_token_expires_at: session.accessTokenExpiresAt,
    refresh_token: session.refreshToken,
    refresh_token_expires_at: session.refreshTokenExpiresAt,
    token_type: "Bearer",
    user: session.user,
  };
}

/** Generous caps: a real password is checked against the policy by the account layer, not here. */
export const passwordInput = z.string().min(1).max(1024);
export const emailInput = z.string().min(1).max(320);
