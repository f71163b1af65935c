/**
 * The budget clamp: the largest completion the remaining budget can pay for, and the reservation for it.
 * Pure arithmetic so it can be property-tested. Invariant: when `ok`, `amountMicros <= remainingMicros`.
 */
export interface ClampInput {
  remainingMicros: number;
  inputMicros: number;
  outputMicrosPerMillion: number;
  requestedMaxTokens: number | null;
  modelMaxTokens: number;
  minOutputTokens: number;
}

export type ClampResult = { ok: true; maxTokens: number; amountMicros: number; clamped: boolean } | { ok: false };

export function outputMicros(tokens: number, microsPerMillion: number): number {
  return Math.ceil((tokens * microsPerMillion) / 1_000_000);
}

export function clampToBudget(input: ClampInput): ClampResult {
  const available = input.remainingMicros - input.inputMicros;
  if (available < 0) return { ok: false };
  const wanted = input.requestedMaxTokens ?? input.modelMaxTokens;
  let maxTokens = wanted;
  if (input.outputMicrosPerMillion > 0) {
    const affordable = Math.floor((available / input.outputMicrosPerMillion) * 1_000_000);
    maxTokens = Math.max(0, Math.min(wanted, affordable));
    // Float division can miss by a token either way: step to the exact largest completion that fits.
    const fits = (tokens: number): boolean => input.inputMicros + outputMicros(tokens, input.outputMicrosPerMillion) <= input.remainingMicros;
    while (maxTokens > 0 && !fits(maxTokens)) maxTokens--;
    while (maxTokens < wanted && fits(maxTokens + 1)) maxTokens++;
  }
  if (maxTokens < input.minOutputTokens) return { ok: false };
  const amountMicros = input.inputMicros + outputMicros(maxTokens, input.outputMicrosPerMillion);
  return { ok: true, maxTokens, amountMicros, clamped: maxTokens < wanted };
}
