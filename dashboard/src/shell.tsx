import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { call } from "./api/api";
import { clearSession } from "./api/session";
import type { Me } from "./api/types";
import { RANK } from "./auth/roles";
import { ROUTES } from "./routes";
import { clearDrafts } from "./state/draft";
import { me } from "./state/me";
import { Link, matchPath, navigate, useLocation } from "./state/router";

export async function signOut(): Promise<void> {
  await call("logout").catch(() => undefined);
  clearDrafts();
  clearSession(null);
  me.set(null);
  navigate("/login");
}

function Nav({ who, path }: { who: Me; path: string }) {
  const visible = ROUTES.filter((r) => r.nav !== false && (r.minRole === undefined || RANK[who.effective_role] >= RANK[r.minRole]));
  const groups = [...new Set(visible.map((r) => r.group ?? ""))];
  return (
    <nav aria-label="Main">
      <ul class="nav" data-read>
        {groups.map((g) => (
          <li key={g}>
            <div class="group" aria-hidden="true">{g}</div>
            <ul class="nav">
              {visible
                .filter((r) => (r.group ?? "") === g)
                .map((r) => {
                  const current = r.path === "/" ? path === "/" : matchPath(r.path, path) !== null || path.startsWith(`${r.path}/`);
                  return (
                    <li key={r.path}>
                      <Link href={r.path} aria-current={current ? "page" : undefined}>
                        {r.title}
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The frame around every signed-in screen: navigation, who is signed in, sign out, skip link. */
export function Shell({ who, children }: { who: Me; children: ComponentChildren }) {
  const { path } = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    setOpen(false);
    document.getElementById("page-title")?.focus({ preventScroll: true });
  }, [path]);
  useEffect(() => {
    if (!open) return undefined;
    document.querySelector<HTMLElement>("#sidebar .nav-close")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div class={`shell${open ? " nav-open" : ""}`}>
      <a class="skip-link" href="#main" data-read>
        Skip to content
      </a>
      <div class="topbar" data-read>
        <button type="button" class="ghost" aria-expanded={open} aria-controls="sidebar" onClick={() => { setOpen(!open); }} style={{ color: "#fff" }}>
          ☰ Menu
        </button>
        <span class="brand">Iron Runtime</span>
      </div>
      {open && <div class="scrim" aria-hidden="true" onClick={() => { setOpen(false); }} />}
      <aside class="sidebar" id="sidebar">
        <div class="brand spread">
          <span>
            Iron Runtime<small>Control panel</small>
          </span>
          <button type="button" class="ghost nav-close" data-read aria-label="Close the menu" onClick={() => { setOpen(false); }}>
            ✕
          </button>
        </div>
        <Nav who={who} path={path} />
        <div class="whoami" data-read>
          <div>{who.email}</div>
          <div>
            Role: <strong data-testid="my-role">{who.effective_role}</strong>
            {who.effective_role === "viewer" && " (read-only)"}
          </div>
          <button type="button" class="small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </aside>
      <main class="main" id="main">
        {children}
      </main>
    </div>
  );
}
