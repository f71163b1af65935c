import type { SafetyAction } from "../../policies/policy-schema";
import { injectionDetectors } from "../injection";
import { piiDetectors } from "../pii";
import type { CategoryActions } from "../pipeline/types";
import { secretDetectors } from "../secrets";
import type { Detector } from "../types";

/** What scanning one streamed output needs, derived once per call from the output actions. */
export interface StreamPolicy {
  readonly actions: CategoryActions;
  /** Secret and PII detectors whose action is not `off`: run over the held-back window. */
  readonly detectors: readonly Detector[];
  /** Injection detectors (unless `off`): run over larger segments, never holding text back (see injection-tally.ts). */
  readonly injection: readonly Detector[];
  /**
   * True when a secret/PII finding changes the bytes the agent may receive (`block` or `redact`): only then is text
   * held back. With `warn`/`log` only, text is forwarded at once and scanned alongside.
   */
  readonly holdBack: boolean;
}

const changesOutput = (action: SafetyAction): boolean => action === "block" || action === "redact";

/** The stream policy for the output actions; `null` when every action is `off`, so the stream path stays untouched. */
export function streamPolicy(actions: CategoryActions): StreamPolicy | null {
  if (actions.secrets === "off" && actions.pii === "off" && actions.injection === "off") return null;
  const detectors = [...(actions.secrets === "off" ? [] : secretDetectors), ...(actions.pii === "off" ? [] : piiDetectors)];
  const injection = actions.injection === "off" ? [] : injectionDetectors;
  return { actions, detectors, injection, holdBack: changesOutput(actions.secrets) || changesOutput(actions.pii) };
}
