import { usageError } from "../exit.js";
import { login, logout, password, setup, whoami } from "./auth.js";

const HANDLERS: Record<string, (argv: readonly string[]) => Promise<void>> = { login, logout, whoami, password, setup };

export function auth(name: string, argv: readonly string[]): Promise<void> {
  const handler = HANDLERS[name];
  if (!handler) throw usageError(`unknown command '${name}'`);
  return handler(argv);
}
