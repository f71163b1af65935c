import type { Plan } from "./plan";
import { frame, type Frame } from "./sse";

/** What an OpenAI-shaped reply needs beyond the plan. */
export interface OpenaiReply {
  id: string;
  model: string;
  plan: Plan;
  includeUsage: boolean;
  missingUsage: boolean;
}

export function openaiUsage(plan: Plan): Record<string, unknown> {
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: plan.outputTokens,
    total_tokens: plan.promptTokens + plan.outputTokens,
    prompt_tokens_details: { cached_tokens: plan.cachedTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: plan.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function finishReason(plan: Plan): string {
  if (plan.cut) return "length";
  return plan.tool === null ? "stop" : "tool_calls";
}

const created = (): number => Math.floor(Date.now() / 1000);

/** Non-stream `chat.completion` body. */
export function openaiCompletion(r: OpenaiReply): Record<string, unknown> {
  const { plan } = r;
  const message =
    plan.tool === null
      ? { role: "assistant", content: plan.chunks.join(""), refusal: null, annotations: [] }
      : {
          role: "assistant",
          content: null,
          refusal: null,
          annotations: [],
          tool_calls: [{ id: plan.tool.id, type: "function", function: { name: plan.tool.name, arguments: plan.tool.arguments } }],
        };
  const body: Record<string, unknown> = {
    id: r.id,
    object: "chat.completion",
    created: created(),
    model: r.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(plan) }],
    service_tier: "default",
    system_fingerprint: null,
  };
  if (!r.missingUsage) body.usage = openaiUsage(plan);
  return body;
}

/** `chat.completion.chunk` frames: role, one token per content chunk, finish, optional usage, `[DONE]`. */
export function openaiFrames(r: OpenaiReply): Frame[] {
  const { plan } = r;
  const withUsage = r.includeUsage && !r.missingUsage;
  const at = created();
  const chunk = (delta: Record<string, unknown>, finish: string | null, content = false): Frame =>
    frame(
      {
        id: r.id,
        object: "chat.completion.chunk",
        created: at,
        model: r.model,
        system_fingerprint: null,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        ...(withUsage ? { usage: null } : {}),
      },
      undefined,
      content,
    );
  const frames: Frame[] = [];
  if (plan.tool === null) {
    frames.push(chunk({ role: "assistant", content: "", refusal: null }, null));
    for (const word of plan.chunks) frames.push(chunk({ content: word }, null, true));
  } else {
    const head = { index: 0, id: plan.tool.id, type: "function", function: { name: plan.tool.name, arguments: "" } };
    frames.push(chunk({ role: "assistant", content: null, refusal: null, tool_calls: [head] }, null));
    for (const fragment of plan.chunks) frames.push(chunk({ tool_calls: [{ index: 0, function: { arguments: fragment } }] }, null, true));
  }
  frames.push(chunk({}, finishReason(plan)));
  if (withUsage) {
    frames.push(
      frame({ id: r.id, object: "chat.completion.chunk", created: at, model: r.model, system_fingerprint: null, choices: [], usage: openaiUsage(plan) }),
    );
  }
  frames.push(frame("[DONE]"));
  return frames;
}
