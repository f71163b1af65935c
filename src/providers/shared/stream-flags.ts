import { asObject, omitKey, type JsonObject } from "./json";

/**
 * For a stream: `stream: true` and `stream_options.include_usage: true` (other stream options kept).
 * Not a stream: a body that still says `stream: true` is turned off and loses `stream_options`.
 */
export function withOpenAIStreamFlags(body: JsonObject, stream: boolean): JsonObject {
  if (stream) {
    return { ...body, stream: true, stream_options: { ...asObject(body.stream_options), include_usage: true } };
  }
  if (body.stream !== true) return body;
  return { ...omitKey(body, "stream_options"), stream: false };
}
