import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** What `iron login` saves: the server and either a login session or an API token. Never a newly created secret. */
export interface Credentials {
  url: string;
  access_token?: string;
  access_token_expires_at?: string;
  refresh_token?: string;
  refresh_token_expires_at?: string;
  api_token?: string;
  email?: string;
}

/** `IRON_CONFIG_DIR`, else the platform's user config directory (XDG on Linux, Application Support on macOS). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IRON_CONFIG_DIR) return env.IRON_CONFIG_DIR;
  if (process.platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "iron");
  if (process.platform === "darwin") return join(homedir(), "Library", "Application Support", "iron");
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "iron");
}

const file = (): string => join(configDir(), "credentials.json");

export function loadCredentials(): Credentials | null {
  if (!existsSync(file())) return null;
  try {
    const parsed = JSON.parse(readFileSync(file(), "utf8")) as Credentials;
    return typeof parsed.url === "string" ? parsed : null;
  } catch {
    return null;
  }
}

export function saveCredentials(creds: Credentials): void {
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  writeFileSync(file(), JSON.stringify(creds, null, 2) + "\n", { mode: 0o600 });
  // writeFileSync's mode only applies when it creates the file; an older file is narrowed too.
  chmodSync(file(), 0o600);
}

export function clearCredentials(): void {
  rmSync(file(), { force: true });
}

export const credentialsPath = file;
