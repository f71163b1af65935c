import { z } from "zod";
import { usdText } from "../shared/money";

export const PROVIDER_KINDS = ["openai", "anthropic", "openai_compatible"] as const;

/** Where each kind's API lives when the request gives no base_url; OpenAI-compatible services have no default. */
export const DEFAULT_BASE_URL: Readonly<Record<(typeof PROVIDER_KINDS)[number], string | null>> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
  openai_compatible: null,
};

export const providerIdParams = z.object({ id: z.string().regex(/^prov_[0-9A-Za-z]{1,40}$/, "A provider id (prov_…).") });

export const providerName = z.string().trim().min(1).max(100).regex(/^[\w .:@/-]+$/, "Letters, digits, spaces and . _ - : @ /.");
export const baseUrl = z.string().min(1).max(2048).meta({ description: "HTTPS URL on a known provider host or IRON_PROVIDER_HOSTS; private and metadata addresses are refused." });
/** Write-only: printable ASCII without spaces, as it goes into an HTTP header. Never echoed back, logged or audited. */
export const apiKey = z.string().min(8).max(1024).regex(/^[\x21-\x7e]+$/, "Printable ASCII without spaces.").meta({ description: "The provider's API key. Write-only: no route ever returns it." });
export const modelList = z
  .array(z.string().min(1).max(200))
  .max(500)
  .nullable()
  .meta({ description: "Models this provider serves; null = every priced model of its vendor." });

export const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(PROVIDER_KINDS),
    base_url: z.string(),
    models: z.array(z.string()).nullable(),
    status: z.enum(["active", "disabled"]),
    key_fingerprint: z.string().meta({ description: "First 16 hex characters of the key's SHA-256: tells keys apart without revealing them." }),
    key_last4: z.string(),
    usage: z.object({
      requests: z.number().int(),
      spend_usd: usdText,
      last_used_at: z.string().nullable().meta({ description: "Start of the UTC hour of the last request (usage is rolled up hourly)." }),
    }),
    agents_count: z.number().int().meta({ description: "Live agents that may use this provider." }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Provider" });

export const LAG_NOTE =
  "The gateway reads providers through a cache: the change applies at once in this location and everywhere within about 65 s (KV propagation plus a 5 s per-isolate memo).";
