import { z } from "zod";
import type { ApiTokenView } from "../../auth/api-token-view";
import { humanRole } from "../users/schemas";

export const apiTokenJson = z
  .object({
    id: z.string(),
    user_id: z.string(),
    name: z.string(),
    label: z.string().meta({ description: "`apitok_` and the first 4 characters: enough to recognise a token, never to use it." }),
    role: humanRole.nullable().meta({ description: "The cap: the token acts with at most this role; null = its user's role." }),
    created_at: z.string(),
    last_used_at: z.string().nullable().meta({ description: "Updated at most once a minute." }),
    expires_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

export function apiTokenJsonOf(view: ApiTokenView): z.input<typeof apiTokenJson> {
  return {
    id: view.id,
    user_id: view.userId,
    name: view.name,
    label: view.label,
    role: view.role,
    created_at: view.createdAt,
    last_used_at: view.lastUsedAt,
    expires_at: view.expiresAt,
    revoked_at: view.revokedAt,
  };
}

export const apiTokenIdParams = z.object({ id: z.string().regex(/^atok_[0-9A-Za-z]{1,32}$/, "An API token id (atok_…).") });
