import { parseArgs } from "node:util";
import { ApiClient, checkUrl, resolveTarget, sessionCredentials } from "../client.js";
import { clearCredentials, credentialsPath, loadCredentials, saveCredentials } from "../config.js";
import { CliError, EXIT, usageError } from "../exit.js";
import { GLOBAL_OPTIONS, globalsOf } from "../globals.js";
import { promptHidden, promptLine, stdinLine } from "../input.js";
import { render } from "../render.js";

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(argv: readonly string[], extra: Record<string, { type: "string" | "boolean" }>, name: string): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], options: { ...GLOBAL_OPTIONS, ...extra }, allowPositionals: true, strict: true });
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err);
    throw usageError(/Unknown option '([^']+)'/.exec(m) ? `unknown option ${/Unknown option '([^']+)'/.exec(m)?.[1]}` : (m.split("\n")[0] ?? m), `see \`iron ${name} --help\``);
  }
}

/** `iron login [url] [--email e] [--password-stdin] | [--token apitok_…]`: saves a session (or API token) with 0600. */
export async function login(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parse(argv, { email: { type: "string" }, token: { type: "string" }, "password-stdin": { type: "boolean" } }, "login");
  if (positionals.length > 1) throw usageError(`unexpected argument '${positionals[1]}'`);
  const url = checkUrl(positionals[0] ?? (typeof values.url === "string" ? values.url : undefined) ?? process.env.IRON_URL ?? loadCredentials()?.url ?? (await promptLine("Server URL: ")));
  const client = new ApiClient({ url, token: null, session: null });
  if (typeof values.token === "string") {
    if (!values.token.startsWith("apitok_")) throw usageError("--token takes an API token (apitok_…)", "create one with `iron tokens create`");
    const me = await new ApiClient({ url, token: values.token, session: null }).call("getMe");
    saveCredentials({ url, api_token: values.token, email: me.email });
    process.stderr.write(`Logged in to ${url} as ${me.email} (${me.effective_role}) with an API token; saved to ${credentialsPath()}\n`);
    return;
  }
  const email = typeof values.email === "string" ? values.email : await promptLine("Email: ");
  const password = values["password-stdin"] === true ? stdinLine() : await promptHidden("Password: ");
  const session = await client.call("login", { body: { email, password } });
  saveCredentials({ url, email, ...sessionCredentials(session) });
  process.stderr.write(`Logged in to ${url} as ${session.user.email} (${session.user.role}); saved to ${credentialsPath()}\n`);
}

/** Ends the session on the server (best effort) and deletes the saved credentials. */
export async function logout(argv: readonly string[]): Promise<void> {
  parse(argv, {}, "logout");
  const saved = loadCredentials();
  if (saved?.access_token) {
    try {
      await new ApiClient({ url: saved.url, token: saved.access_token, session: saved }).call("logout");
    } catch (err) {
      if (!(err instanceof CliError) || err.exit !== EXIT.auth) process.stderr.write(`note: the server did not end the session (${err instanceof Error ? err.message : String(err)})\n`);
    }
  }
  clearCredentials();
  process.stderr.write(saved ? `Logged out of ${saved.url}\n` : "Not logged in\n");
}

export async function whoami(argv: readonly string[]): Promise<void> {
  const { values } = parse(argv, {}, "whoami");
  const globals = globalsOf(values);
  const target = resolveTarget(globals.url);
  const me = await new ApiClient(target).call("getMe");
  if (target.ignoredEnvToken === "agent") process.stderr.write("note: IRON_TOKEN holds an agent token (ic_…), which never works on the control API; using the saved login\n");
  process.stdout.write(render(me, { output: globals.output, quiet: globals.quiet }) + "\n");
}

/** `iron password`: change your own password (prompts, or two lines on stdin: current, new). */
export async function password(argv: readonly string[]): Promise<void> {
  const { values } = parse(argv, { stdin: { type: "boolean" } }, "password");
  const globals = globalsOf(values);
  const current = values.stdin === true ? stdinLine() : await promptHidden("Current password: ");
  const next = values.stdin === true ? stdinLine() : await promptHidden("New password: ");
  await new ApiClient(resolveTarget(globals.url)).call("changeOwnPassword", { body: { current_password: current, new_password: next } });
  process.stderr.write("Password changed; log in again on other devices.\n");
}

/** `iron setup <url> --email e`: the one-time first-admin setup (setup token and password from prompts or stdin lines). */
export async function setup(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parse(argv, { email: { type: "string" }, stdin: { type: "boolean" } }, "setup");
  const url = checkUrl(positionals[0] ?? (typeof values.url === "string" ? values.url : undefined) ?? process.env.IRON_URL ?? (await promptLine("Server URL: ")));
  const email = typeof values.email === "string" ? values.email : await promptLine("Admin email: ");
  const setupToken = values.stdin === true ? stdinLine() : await promptHidden("Setup token: ");
  const pw = values.stdin === true ? stdinLine() : await promptHidden("Admin password: ");
  const result = await new ApiClient({ url, token: null, session: null }).call("setupFirstAdmin", { body: { setup_token: setupToken, email, password: pw } });
  process.stdout.write(render(result, { output: globalsOf(values).output, quiet: false }) + "\n");
}
