/** Where the spinner draws: stderr, or a test's stand-in. */
export interface SpinnerStream {
  readonly isTTY?: boolean;
  write(chunk: string): unknown;
}

export const SPINNER_FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] as const;

/** A spinner on stderr for slow calls: only on a terminal, only once a call takes over 300 ms, erased when done. */
export async function withSpinner<T>(label: string, enabled: boolean, work: () => Promise<T>, stream: SpinnerStream = process.stderr): Promise<T> {
  if (!enabled || stream.isTTY !== true) return work();
  let i = 0;
  let timer: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    timer = setInterval(() => stream.write(`\r${SPINNER_FRAMES[i++ % SPINNER_FRAMES.length] ?? ""} ${label}`), 80);
  }, 300);
  try {
    return await work();
  } finally {
    clearTimeout(delay);
    if (timer !== undefined) {
      clearInterval(timer);
      stream.write("\r\x1b[2K");
    }
  }
}
