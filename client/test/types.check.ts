// Compile-time checks of the typed client (run by `tsc -p client/tsconfig.json`; never executed).
import { createControlClient, type Agent, type OperationResponse } from "../src/index.js";

const client = createControlClient({ baseUrl: "", getToken: () => null });

export async function typed(): Promise<string[]> {
  const agent = await client.call("getAgent", { params: { id: "agt_1" } });
  const check: Agent = agent;
  const list = await client.call("listAgents", { query: { status: "active", limit: 10 } });
  const created = await client.call("createAgent", { body: { name: "bot", budget_usd: "25" } });
  const me = await client.call("getMe");
  await client.call("deleteAgent", { params: { id: "agt_1" } });
  const nothing: OperationResponse<"deleteAgent"> = undefined;
  const validation: OperationResponse<"validateToken"> = await client.call("validateToken", { body: { token: "x" } });
  const reason = validation.valid ? validation.role : validation.reason;
  // @ts-expect-error: a path parameter is required
  await client.call("getAgent");
  // @ts-expect-error: the body is required
  await client.call("createAgent", {});
  // @ts-expect-error: not a status
  await client.call("listAgents", { query: { status: "sleeping" } });
  // @ts-expect-error: no such operation
  await client.call("frobnicate");
  // @ts-expect-error: budget_usd is a string in answers
  const n: number = check.budget_usd;
  return [check.id, list.data[0]?.id ?? "", created.token, me.email, String(nothing), reason, String(n)];
}
