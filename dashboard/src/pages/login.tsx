import { useEffect, useState } from "preact/hooks";
import { apiBaseUrl, call } from "../api/api";
import { normalizeApiUrl, proposedApi, switchApiUrl } from "../api/config";
import { errorCode } from "../api/errors";
import { saveSession, session, sessionNotice } from "../api/session";
import { Button } from "../components/button";
import { ErrorNote, Notice } from "../components/feedback";
import { TextField } from "../components/field";
import { me } from "../state/me";
import { navigate, useSearch } from "../state/router";
import { useAction } from "../state/query";
import { useStore } from "../state/store";

/** Where to go after signing in: the page the person was on, never another site. */
export function safeNext(next: string | null): string {
  return next !== null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";
}

function ServerChoice() {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(apiBaseUrl());
  const url = normalizeApiUrl(text);
  if (!editing) {
    return (
      <p class="server" data-read>
        Server: <code data-testid="api-url">{apiBaseUrl()}</code>{" "}
        <button type="button" class="small ghost" onClick={() => { setEditing(true); }}>
          Change
        </button>
      </p>
    );
  }
  const save = (e: Event) => {
    e.preventDefault();
    if (url === null) return;
    if (url !== apiBaseUrl()) switchApiUrl(url);
    setEditing(false);
  };
  return (
    <form onSubmit={save} class="server" data-read>
      <TextField label="Iron server address" value={text} onValue={setText} type="url" problem={url === null ? "Enter an http(s) address, e.g. https://iron.example.com" : null} />
      <Button type="submit" small disabled={url === null}>
        Use this server
      </Button>
    </form>
  );
}

/**
 * A `?api=` link naming another server than the deployment's: nothing is sent there (no sign-in, no token) until
 * the person says yes; no means the link's server is forgotten.
 */
function ConfirmServer({ url }: { url: string }) {
  const [, setParams] = useSearch();
  const signedIn = useStore(session) !== null;
  const decide = (yes: boolean) => {
    setParams({ api: null });
    if (yes) switchApiUrl(url);
    else proposedApi.set(null);
  };
  return (
    <div class="notice warn" role="group" aria-label="Confirm the server" data-testid="api-confirm" data-read>
      <p style={{ marginTop: 0 }}>
        <strong>
          This link points the dashboard at <code data-testid="api-proposed">{url}</code>. Only continue if you trust it.
        </strong>
      </p>
      <p>
        Your email, password and everything you do here would go to that server{signedIn ? ", and you would be signed out here" : ""}. Until you continue, the dashboard stays on <code>{apiBaseUrl()}</code>.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => { decide(true); }}>
          Continue with this server
        </button>
        <button type="button" onClick={() => { decide(false); }}>
          Stay on {apiBaseUrl()}
        </button>
      </div>
    </div>
  );
}

function SignIn({ onDone }: { onDone: () => void }) {
  const [email, setEmail] = useState(me.get()?.email ?? "");
  const [password, setPassword] = useState("");
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(() => call("login", { body: { email: email.trim(), password } }), (answer) => {
      saveSession(answer);
      onDone();
    });
  };
  return (
    <form onSubmit={submit} data-read aria-label="Sign in">
      <ErrorNote error={action.error} />
      <TextField label="Email" type="email" autoComplete="username" required value={email} onValue={setEmail} />
      <TextField label="Password" type="password" autoComplete="current-password" required value={password} onValue={setPassword} />
      <Button type="submit" variant="primary" busy={action.busy}>
        Sign in
      </Button>
    </form>
  );
}

function Setup({ onDone }: { onDone: () => void }) {
  const [token, setToken] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await call("setupFirstAdmin", { body: { setup_token: token, email: email.trim(), password } });
      return call("login", { body: { email: email.trim(), password } });
    }, (answer) => {
      saveSession(answer);
      onDone();
    });
  };
  const code = errorCode(action.error);
  return (
    <form onSubmit={submit} data-read aria-label="First-time setup">
      <p class="muted">Create the first administrator of a new deployment. It needs the server's IRON_SETUP_TOKEN and works only while the server has no users.</p>
      <ErrorNote error={action.error} title={code === "INVALID_CREDENTIALS" ? "Wrong setup token." : undefined} />
      {code === "SETUP_DISABLED" && <Notice>The first admin on this server comes from the IRON_ADMIN_EMAIL and IRON_ADMIN_PASSWORD secrets: sign in with those.</Notice>}
      <TextField label="Setup token" type="password" autoComplete="off" required value={token} onValue={setToken} hint="The IRON_SETUP_TOKEN secret of the deployment." />
      <TextField label="Admin email" type="email" autoComplete="username" required value={email} onValue={setEmail} />
      <TextField label="Admin password" type="password" autoComplete="new-password" required minLength={12} value={password} onValue={setPassword} hint="At least 12 characters." />
      <Button type="submit" variant="primary" busy={action.busy}>
        Create admin and sign in
      </Button>
    </form>
  );
}

export function LoginPage() {
  const [params] = useSearch();
  const notice = useStore(sessionNotice);
  const proposed = useStore(proposedApi);
  const [tab, setTab] = useState<"signin" | "setup">("signin");
  useEffect(() => {
    document.title = "Sign in · Iron Runtime";
  }, []);
  const done = () => {
    me.set(null);
    navigate(safeNext(params.get("next")), { replace: true });
  };
  return (
    <div class="auth-page">
      <main class="auth-card">
        <h1>Iron Runtime</h1>
        <p class="muted" style={{ marginTop: 0 }}>
          Control panel
        </p>
        {proposed !== null ? (
          <ConfirmServer url={proposed} />
        ) : (
          <>
            {notice !== null && <Notice kind="warn">{notice} Sign in again as the same person and you go back to what you typed.</Notice>}
            <div class="tabs" role="tablist" data-read>
              <button type="button" role="tab" aria-selected={tab === "signin"} onClick={() => { setTab("signin"); }}>
                Sign in
              </button>
              <button type="button" role="tab" aria-selected={tab === "setup"} onClick={() => { setTab("setup"); }}>
                First-time setup
              </button>
            </div>
            <div role="tabpanel">{tab === "signin" ? <SignIn onDone={done} /> : <Setup onDone={done} />}</div>
            <ServerChoice />
          </>
        )}
      </main>
    </div>
  );
}
