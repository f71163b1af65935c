/**
 * Thrown by `buildRequest` when an agent's request cannot be expressed in the upstream's shape
 * (e.g. an Anthropic server tool sent to an OpenAI model). Maps to HTTP 400 in the agent's shape;
 * nothing is forwarded.
 */
export class ProviderRequestError extends Error {
  override readonly name = "ProviderRequestError";
  readonly status = 400;
  readonly type = "invalid_request_error";
}
