import type { Detector } from "../types";
import { genericSecretDetector } from "./generic";
import { githubTokenDetector } from "./github";
import { jwtDetector } from "./jwt";
import { privateKeyDetector } from "./private-key";
import { ruleDetector } from "./rule";
import { providerRules } from "./rules-providers";
import { saasRules } from "./rules-saas";
import { serviceRules } from "./rules-services";
import { urlCredentialsDetector } from "./url-credentials";

/** Every secret/credential detector, prefixed rules first; the generic keyword+entropy detector last. */
export const secretDetectors: readonly Detector[] = [
  ...[...providerRules, ...serviceRules, ...saasRules].map(ruleDetector),
  githubTokenDetector,
  privateKeyDetector,
  jwtDetector,
  urlCredentialsDetector,
  genericSecretDetector,
];
