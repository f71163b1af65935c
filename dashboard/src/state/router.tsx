import type { ComponentChildren, TargetedMouseEvent } from "preact";
import { createStore, useStore } from "./store";

/** A small history router: the current path and query in a store, links that navigate without a reload. */
export interface Loc {
  readonly path: string;
  readonly search: string;
}

const read = (): Loc => (typeof window === "undefined" ? { path: "/", search: "" } : { path: window.location.pathname, search: window.location.search });

export const location = createStore<Loc>(read());

if (typeof window !== "undefined") window.addEventListener("popstate", () => { location.set(read()); });

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.pathname === window.location.pathname && url.search === window.location.search) return;
  if (options.replace === true) window.history.replaceState(null, "", url.pathname + url.search);
  else window.history.pushState(null, "", url.pathname + url.search);
  location.set(read());
  if (options.replace !== true) window.scrollTo(0, 0);
}

export function useLocation(): Loc {
  return useStore(location);
}

/** The query string as URLSearchParams, and a setter that keeps it in the address bar (filters survive reloads). */
export function useSearch(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const loc = useLocation();
  const params = new URLSearchParams(loc.search);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    navigate(window.location.pathname + (qs ? `?${qs}` : ""), { replace: true });
  };
  return [params, set];
}

/** "/agents/:id" against "/agents/agt_1" → { id: "agt_1" }; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean);
  const s = path.replace(/\/+$/, "").split("/").filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] ?? "";
    const seg = s[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}

interface AnchorProps {
  readonly href: string;
  readonly children?: ComponentChildren;
  readonly class?: string;
  readonly title?: string;
  readonly "aria-current"?: "page";
  readonly onClick?: (e: TargetedMouseEvent<HTMLAnchorElement>) => void;
}

export function Link({ href, onClick, ...rest }: AnchorProps) {
  const handle = (e: TargetedMouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
