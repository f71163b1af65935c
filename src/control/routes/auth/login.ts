import { z } from "zod";
import { routeRefusal, isAuthRefusal } from "../../auth/auth-refusal";
import { ensureFirstAdmin } from "../../auth/ensure-first-admin";
import { login } from "../../auth/login";
import { defineRoute } from "../../openapi/route";
import { auditBy, clientIp } from "../shared";
import { emailInput, passwordInput, sessionJson, sessionJsonOf } from "./schemas";

export const loginRoute = defineRoute({
  method: "post",
  path: "/auth/login",
  operationId: "login",
  summary: "Log in with email and password",
  description:
    "Starts a session: a 10-minute access token and a rotating refresh token. An unknown email and a wrong password get the same answer " +
    "(INVALID_CREDENTIALS) after the same work. Throttled per account and network and per network (TOO_MANY_ATTEMPTS with `retry-after`). " +
    "A suspended account is told so only after the right password.",
  tags: ["auth"],
  role: "public",
  audit: "auth.login",
  body: z.strictObject({ email: emailInput, password: passwordInput }),
  response: sessionJson,
  errors: ["INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS", "ACCOUNT_SUSPENDED", "AUTH_MISCONFIGURED"],
  handler: async (c, { body, requestId }) => {
    // A deployment configured with IRON_ADMIN_EMAIL/IRON_ADMIN_PASSWORD gets its first admin on the first login.
    await ensureFirstAdmin(c.env);
    const client = { email: body.email, password: body.password, ip: clientIp(c), userAgent: c.req.header("user-agent") ?? null };
    const session = await login(c.env, client, { ...auditBy(c, null, requestId), action: "auth.login" });
    return isAuthRefusal(session) ? routeRefusal(session) : sessionJsonOf(session);
  },
});
