import { injectionDetectors } from "../injection/index";
import { piiDetectors } from "../pii/index";
import { secretDetectors } from "../secrets/index";
import type { Detector } from "../types";
import type { CategoryActions } from "./types";

const ALL: readonly Detector[] = [...secretDetectors, ...piiDetectors, ...injectionDetectors];

/** The detectors worth running for a direction: none of a category whose action is `off`. */
export function activeDetectors(actions: CategoryActions): Detector[] {
  return ALL.filter((detector) => actions[detector.category] !== "off");
}
