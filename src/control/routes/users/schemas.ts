import { z } from "zod";
import type { UserView } from "../../auth/user-view";

export const humanRole = z.enum(["admin", "user", "viewer"]);
export const userStatus = z.enum(["active", "suspended", "deleted"]);
export const userId = z.string().regex(/^usr_[0-9A-Za-z]{1,32}$/, "A user id (usr_…).");
export const userIdParams = z.object({ id: userId });

export const userJson = z
  .object({
    id: z.string(),
    email: z.string(),
    role: humanRole,
    status: userStatus,
    created_at: z.string(),
    updated_at: z.string(),
    last_login_at: z.string().nullable(),
  })
  .meta({ id: "User" });

export function userJsonOf(view: UserView): z.input<typeof userJson> {
  return { id: view.id, email: view.email, role: view.role, status: view.status, created_at: view.createdAt, updated_at: view.updatedAt, last_login_at: view.lastLoginAt };
}

/** A user with a password the server generated: shown in this answer only. */
export const userWithPasswordJson = userJson
  .extend({ generated_password: z.string().optional().meta({ description: "Present when the request left `password` out: shown once, never stored in clear." }) })
  .meta({ id: "UserWithGeneratedPassword" });

export const passwordInput = z.string().min(1).max(1024);
