/** One read from a stream, or "timeout" (and the stream is cancelled) when nothing arrives in `timeoutMs`. */
export async function readWithTimeout(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  timeoutMs: number,
): Promise<ReadableStreamReadResult<Uint8Array> | "timeout"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => { resolve("timeout"); }, timeoutMs);
  });
  try {
    const result = await Promise.race([reader.read(), timeout]);
    if (result === "timeout") await reader.cancel().catch(() => undefined);
    return result;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
