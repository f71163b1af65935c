/**
 * Canary provider keys: every provider the suite creates gets a key containing CANARY_MARK. Anything the
 * gateway emits (response headers and bodies, console lines, audit rows) is checked for the mark.
 */
export const CANARY_MARK = "CANARY";

class CanaryWatch {
  readonly violations: string[] = [];
  check(where: string, text: string): void {
    if (text.includes(CANARY_MARK)) this.violations.push(`${where}: …${excerpt(text)}…`);
  }
}

function excerpt(text: string): string {
  const at = text.indexOf(CANARY_MARK);
  return text.slice(Math.max(0, at - 40), at + 40);
}

export const canaryViolations = new CanaryWatch();
