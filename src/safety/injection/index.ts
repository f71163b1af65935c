/** Prompt-injection / jailbreak detectors (issue #5): high-precision signatures plus the trained classifier. */
import type { Detector } from "../types";
import { injectionClassifierDetector } from "./classifier";
import { injectionSignatureDetector } from "./signatures";

export const injectionDetectors: readonly Detector[] = [injectionSignatureDetector, injectionClassifierDetector];
