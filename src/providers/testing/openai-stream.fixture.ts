const base = '"id":"chatcmpl-B9","object":"chat.completion.chunk","created":1727000000,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_1"';

/** One recorded OpenAI chunk line with `include_usage` on (every chunk carries `usage: null` until the last). */
function chunk(choice: string): string {
  return `data: {${base},"choices":[${choice}],"usage":null}\n\n`;
}

/** A recorded OpenAI chat stream with include_usage: text, then one tool call in fragments, then the usage chunk. */
export const OPENAI_TEXT_AND_TOOL_STREAM =
  chunk('{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}') +
  chunk('{"index":0,"delta":{"content":"Checking "},"logprobs":null,"finish_reason":null}') +
  chunk('{"index":0,"delta":{"content":"the wéather…"},"logprobs":null,"finish_reason":null}') +
  chunk(
    '{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}',
  ) +
  chunk('{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\":"}}]},"logprobs":null,"finish_reason":null}') +
  chunk('{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Paris\\"}"}}]},"logprobs":null,"finish_reason":null}') +
  chunk('{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}') +
  `data: {${base},"choices":[],"usage":{"prompt_tokens":120,"completion_tokens":40,"total_tokens":160,"prompt_tokens_details":{"cached_tokens":64,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":10,"audio_tokens":0}}}\n\n` +
  "data: [DONE]\n\n";
