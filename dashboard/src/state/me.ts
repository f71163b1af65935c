import { call } from "../api/api";
import type { Me } from "../api/types";
import { createStore } from "./store";

/** The signed-in person (GET /auth/me): their id, email and effective role decide what the screens offer. */
export const me = createStore<Me | null>(null);

export async function loadMe(): Promise<Me> {
  const who = await call("getMe");
  me.set(who);
  return who;
}
