import { refuse, type Refusal } from "../../errors/refusal";

/**
 * Provider base URLs are set by admins only, and in production must be public HTTPS hosts: loopback,
 * private, link-local and cloud-metadata addresses are refused so a provider entry cannot be turned
 * into a way to reach internal services. Local development and tests allow loopback (the mock provider).
 */
export function checkBaseUrl(raw: string, env: Pick<Env, "IRON_ENV">): URL | Refusal {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("invalid_request", "base_url is not a valid URL", { field: "base_url" });
  }
  const local = env.IRON_ENV === "development" || env.IRON_ENV === "test";
  if (url.username !== "" || url.password !== "") return refuse("invalid_request", "base_url must not contain credentials", { field: "base_url" });
  if (url.search !== "" || url.hash !== "") return refuse("invalid_request", "base_url must not have a query or fragment", { field: "base_url" });
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    return refuse("invalid_request", "base_url must use https", { field: "base_url" });
  }
  if (!local && isPrivateHost(url.hostname)) {
    return refuse("invalid_request", "base_url must be a public host (private, loopback and metadata addresses are refused)", { field: "base_url" });
  }
  return url;
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) return true;
  if (host === "metadata.google.internal") return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4 !== null) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (host.includes(":")) {
    return host === "::" || host === "::1" || host.startsWith("fc") || host.startsWith("fd") || host.startsWith("fe80") || host.startsWith("::ffff:");
  }
  return false;
}
