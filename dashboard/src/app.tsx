import { useEffect, useState } from "preact/hooks";
import { proposedApi } from "./api/config";
import { session } from "./api/session";
import { RANK } from "./auth/roles";
import { ErrorNote, Loading } from "./components/feedback";
import { PageHeader } from "./components/page";
import { LoginPage } from "./pages/login";
import { ROUTES } from "./routes";
import { Shell } from "./shell";
import { loadMe, me } from "./state/me";
import { Link, matchPath, navigate, useLocation } from "./state/router";
import { useStore } from "./state/store";

const PUBLIC = new Set(["/login"]);

function NotFound() {
  return (
    <>
      <PageHeader title="Not found" />
      <p>
        There is no page at this address. <Link href="/">Back to the overview</Link>.
      </p>
    </>
  );
}

function Screen({ path }: { path: string }) {
  const who = useStore(me);
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params === null) continue;
    if (route.minRole !== undefined && who !== null && RANK[who.effective_role] < RANK[route.minRole]) {
      return (
        <>
          <PageHeader title={route.title} />
          <ErrorNote error={{ status: 403, code: "FORBIDDEN", message: `${route.title} is for administrators.` }} />
        </>
      );
    }
    const Page = route.page;
    return <Page key={route.path} params={params} />;
  }
  return <NotFound />;
}

/**
 * Signed out → the sign-in screen, remembering where the person was (and their drafts, kept in sessionStorage);
 * signed in → who they are (GET /auth/me), then the screen of the address.
 */
export function App() {
  const loc = useLocation();
  const s = useStore(session);
  const who = useStore(me);
  const [meError, setMeError] = useState<unknown>(null);
  // A `?api=` link to another server is confirmed on the sign-in screen first, signed in or not.
  const proposed = useStore(proposedApi);
  const isPublic = PUBLIC.has(loc.path) || proposed !== null;

  useEffect(() => {
    if (s === null && !isPublic) {
      me.set(null);
      const next = loc.path + loc.search;
      navigate(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`, { replace: true });
    }
  }, [s, isPublic, loc.path, loc.search]);

  // Another person's session (signed in in another tab, adopted on refresh): reload who is signed in, which also
  // unmounts every screen, so nothing loaded for the previous person stays on the page.
  useEffect(() => {
    if (s !== null && who !== null && who.id !== s.user.id) me.set(null);
  }, [s, who]);

  useEffect(() => {
    if (s === null || who !== null) return;
    setMeError(null);
    loadMe().catch(setMeError);
  }, [s, who]);

  if (isPublic) return <LoginPage />;
  if (s === null) return null;
  if (who === null || who.id !== s.user.id) return <div class="auth-page">{meError !== null ? <div class="auth-card"><ErrorNote error={meError} /></div> : <Loading what="Signing in" />}</div>;
  return (
    <Shell who={who}>
      <Screen path={loc.path} />
    </Shell>
  );
}
