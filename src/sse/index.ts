export { createSseParser, type SseParser, type SseParserOptions } from "./parser";
export { serializeSseEvent } from "./serialize";
export { SseLimitError, type SseLimitKind } from "./errors";
