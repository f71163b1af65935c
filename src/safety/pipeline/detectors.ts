import { injectionDetectors } from "../injection/index";
import { piiDetectors } from "../pii/index";
import { secretDetectors } from "../secrets/index";
import type { Detector } from "../types";
import type { CategoryActions } from "./types";

const ALL: readonly Detector[] = [...secretDetectors, ...piiDetectors, ...injectionDetectors];

/**
 * Detectors that scan `input.decoded` themselves and report those findings on the encoded span: every secret detector
 * (through `secrets/rule.ts` `scanAll`) and both injection detectors. The pipeline does not run them over a decoded
 * span a second time. `pipeline.test.ts` checks that each of them still finds an encoded payload on its own.
 */
const SCANS_DECODED: ReadonlySet<Detector> = new Set([...secretDetectors, ...injectionDetectors]);

export function scansDecodedItself(detector: Detector): boolean {
  return SCANS_DECODED.has(detector);
}

/** The detectors worth running for a direction: none of a category whose action is `off`. */
export function activeDetectors(actions: CategoryActions): Detector[] {
  return ALL.filter((detector) => actions[detector.category] !== "off");
}
