import { refuse, type Refusal } from "../../errors/refusal";
import { allowedProviderHosts, hostAllowed } from "./known-hosts";

type BaseUrlEnv = Pick<Env, "IRON_ENV"> & Partial<Pick<Env, "IRON_PROVIDER_HOSTS">>;

/**
 * Provider base URLs are set by admins only, and the gateway sends provider keys there, so a base URL must not be
 * a way to reach internal services or to exfiltrate a key:
 * - HTTPS only; no credentials, query or fragment;
 * - cloud metadata and link-local addresses are refused everywhere;
 * - in production the host must be on the allow-list (known providers + IRON_PROVIDER_HOSTS) and must not be a
 *   loopback or private address (even if listed);
 * - local development and tests (IRON_ENV development/test) also allow plain http and loopback/private hosts,
 *   where the mock provider runs — public hosts still need the allow-list there.
 */
export function checkBaseUrl(raw: string, env: BaseUrlEnv): URL | Refusal {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid("base_url is not a valid URL");
  }
  const local = env.IRON_ENV === "development" || env.IRON_ENV === "test";
  if (url.username !== "" || url.password !== "") return invalid("base_url must not contain credentials");
  if (url.search !== "" || url.hash !== "") return invalid("base_url must not have a query or fragment");
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) return invalid("base_url must use https");
  if (isMetadataHost(url.hostname)) return invalid("base_url must not point at a cloud metadata or link-local address");
  const privateHost = isPrivateHost(url.hostname);
  if (privateHost && !local) return invalid("base_url must be a public host (private, loopback and metadata addresses are refused)");
  if (!privateHost && !hostAllowed(url.hostname, allowedProviderHosts(env.IRON_PROVIDER_HOSTS))) {
    return invalid(`base_url host '${url.hostname}' is not on the provider allow-list (known providers and IRON_PROVIDER_HOSTS)`);
  }
  return url;
}

function invalid(message: string): Refusal {
  return refuse("invalid_request", message, { field: "base_url" });
}

const METADATA_NAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "metadata.azure.internal", "instance-data", "instance-data.ec2.internal"]);

/** Instance metadata services (credentials live there) and link-local addresses, which are never a provider. */
export function isMetadataHost(hostname: string): boolean {
  const host = bareHost(hostname);
  if (METADATA_NAMES.has(host)) return true;
  if (host === "100.100.100.200" || host === "fd00:ec2::254") return true; // Alibaba Cloud, AWS IPv6
  const v4 = ipv4(host);
  if (v4 !== null) return v4[0] === 169 && v4[1] === 254;
  return /^fe[89ab][0-9a-f]?:/.test(host);
}

export function isPrivateHost(hostname: string): boolean {
  const host = bareHost(hostname);
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) return true;
  if (isMetadataHost(host)) return true;
  const v4 = ipv4(host);
  if (v4 !== null) {
    const [a, b] = v4;
    return (
      a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 224
    );
  }
  if (host.includes(":")) {
    // `::…` covers ::, ::1 and IPv4-compatible forms; ::ffff: IPv4-mapped; 64:ff9b:: NAT64 (reaches IPv4 inside).
    return host.startsWith("::") || host.startsWith("fc") || host.startsWith("fd") || /^fe[89ab]/.test(host) || host.startsWith("64:ff9b:");
  }
  return false;
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
}

/** The four octets of a dotted IPv4 address (URL parsing already normalised other spellings), or null. */
function ipv4(host: string): [number, number, number, number] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
}
