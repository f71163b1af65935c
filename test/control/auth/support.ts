import { expect } from "vitest";
import { controlJson, type ErrorJson } from "../../helpers/control";

/** What POST /auth/login, /auth/refresh and /auth/password answer. */
export interface SessionJson {
  access_token: string;
  access_token_expires_at: string;
  refresh_token: string;
  refresh_token_expires_at: string;
  token_type: string;
  user: { id: string; email: string; role: string };
}

/** A client address per test, so throttling counters of different tests never meet. */
export function freshIp(): string {
  const byte = (): number => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

export function loginCall(email: string, password: string, ip: string = freshIp()): ReturnType<typeof controlJson<SessionJson & ErrorJson>> {
  return controlJson<SessionJson & ErrorJson>("POST", "/auth/login", { body: { email, password }, headers: { "cf-connecting-ip": ip } });
}

export async function loginOk(email: string, password: string, ip?: string): Promise<SessionJson> {
  const { status, body } = await loginCall(email, password, ip);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** The status and error code of an answer. */
export async function refusalOf(response: Response): Promise<[number, string | null]> {
  const text = await response.text();
  try {
    return [response.status, (JSON.parse(text) as Partial<ErrorJson>).error?.code ?? null];
  } catch {
    return [response.status, null];
  }
}
