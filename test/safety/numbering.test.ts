import { describe, expect, it } from "vitest";
import { createTestAgent, settled } from "../helpers/fixtures";
import { jsonPost } from "../helpers/gateway";
import { setAgentPolicy } from "./support";

/*
 * Placeholders are consistent within one request, input and output together: the value the input redaction called
 * `[EMAIL_1]` is `[EMAIL_1]` in the answer too, and a new value in the answer gets the next number — for JSON answers
 * and for streams.
 */
/** The reply travels shifted (`reply_shifted`), so the input scan cannot see the emails it will contain. */
const reply = (text: string): string => `[[mock:reply_shifted=${encodeURIComponent(Array.from(text, (c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 1)).join(""))}]]`;
const IN = "ina.input" + "@" + "corp-one.com";
const OUT = "otto.output" + "@" + "corp-two.com";

describe("redaction numbering across input and output", () => {
  it("continues the input's placeholders in a JSON answer and in a stream", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    await setAgentPolicy(agent.agentId, { safety: { input: { pii: "redact" }, output: { pii: "redact" } } });
    // The input email sits outside the directive, so the provider sees `[EMAIL_1]` there; the reply names both.
    const content = `My address is ${IN}. ${reply(`Mail ${OUT} and ${IN} today.`)}`;
    const json = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", messages: [{ role: "user", content }] });
    const body = await json.json<{ choices: { message: { content: string } }[] }>();
    expect(json.status).toBe(200);
    expect(body.choices[0]?.message.content).toBe("Mail [EMAIL_2] and [EMAIL_1] today.");

    const stream = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content }] });
    const sse = await stream.text();
    const text = sse
      .split("\n")
      .filter((line) => line.startsWith("data: {"))
      .map((line) => (JSON.parse(line.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? "")
      .join("");
    expect(text).toBe("Mail [EMAIL_2] and [EMAIL_1] today.");
    expect(sse).not.toContain(OUT);
    await settled(agent.agentId);
  });
});
