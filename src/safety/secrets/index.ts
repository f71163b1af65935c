import type { Detector } from "../types";
import { genericSecretDetector } from "./generic";
import { githubTokenDetector } from "./github";
import { discordTokenDetector } from "./discord";
import { jwtDetector } from "./jwt";
import { kubernetesSecretDetector } from "./kubernetes";
import { privateKeyDetector } from "./private-key";
import { ruleSetDetector, type SecretRule } from "./rule";
import { gitlabRules } from "./rules-gitlab";
import { keyedRules } from "./rules-keyed";
import { providerRules } from "./rules-providers";
import { saasRules } from "./rules-saas";
import { serviceRules } from "./rules-services";
import { vendorRules } from "./rules-vendors";
import { urlCredentialsDetector } from "./url-credentials";

/** Rules whose match starts with (or is shaped by) a vendor-issued prefix: `sk-ant-`, `AKIA`, `glpat-`, `xoxb-`, …. */
export const prefixRules: readonly SecretRule[] = [...providerRules, ...gitlabRules, ...serviceRules, ...saasRules, ...vendorRules];

/** Every secret/credential detector: prefixed rules first, then vendor-keyword rules, the generic detector last. */
export const secretDetectors: readonly Detector[] = [
  ruleSetDetector("prefixed_rules", prefixRules),
  githubTokenDetector,
  discordTokenDetector,
  privateKeyDetector,
  jwtDetector,
  urlCredentialsDetector,
  kubernetesSecretDetector,
  ruleSetDetector("vendor_keyword_rules", keyedRules),
  genericSecretDetector,
];

/** Every name a secret finding's `detector` can carry (rule names and the stand-alone detectors), for reports. */
export const secretDetectorNames: readonly string[] = [
  ...new Set([...prefixRules.map((r) => r.name), ...secretDetectors.map((d) => d.name), ...keyedRules.map((r) => r.name)]),
].filter((n) => n !== "prefixed_rules" && n !== "vendor_keyword_rules");
