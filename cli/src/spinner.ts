/** A spinner on stderr for slow calls: only on a terminal, only once a call takes over 300 ms, erased when done. */
export async function withSpinner<T>(label: string, enabled: boolean, work: () => Promise<T>): Promise<T> {
  if (!enabled || !process.stderr.isTTY) return work();
  const frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
  let i = 0;
  let timer: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    timer = setInterval(() => process.stderr.write(`\r${frames[i++ % frames.length]} ${label}`), 80);
  }, 300);
  try {
    return await work();
  } finally {
    clearTimeout(delay);
    if (timer !== undefined) {
      clearInterval(timer);
      process.stderr.write("\r\x1b[2K");
    }
  }
}
