import type { SecretRule } from "./rule";

const L = "(?<![A-Za-z0-9])";

/**
 * GitLab tokens (https://docs.gitlab.com/ee/security/tokens/ — token prefixes), after gitleaks' and detect-secrets'
 * rules. Body lengths follow GitLab; where GitLab has changed lengths over time (or a routable form exists) a range is
 * accepted. A token longer than its range is still a token, so most bodies have no right boundary.
 */
export const gitlabRules: readonly SecretRule[] = [
  { name: "gitlab_token", label: "GITLAB_TOKEN", keywords: ["glpat-", "glrt-"], confidence: 0.95, at: [0],
    // Routable personal access / runner tokens: a base62 body, a dot, then a 9-character suffix.
    pattern: new RegExp(`${L}((?:glpat-|glrt-t\\d_)[\\w-]{27,300}\\.[0-9a-z]{9})(?![\\w-])`, "g") },
  { name: "gitlab_token", label: "GITLAB_TOKEN", keywords: ["glpat-", "gldt-", "glft-", "glsoat-", "glrt-", "glffct-", "gr1348941"], confidence: 0.95, at: [0],
    pattern: new RegExp(`${L}((?:glpat|gldt|glft|glsoat|glrt|glffct)-[\\w-]{20,50}|GR1348941[\\w-]{20,50})`, "g") },
  { name: "gitlab_token", label: "GITLAB_TOKEN", keywords: ["glcbt-"], confidence: 0.95, at: [0],
    pattern: new RegExp(`${L}(glcbt-(?:[0-9a-zA-Z]{1,5}_)?[\\w-]{20,50})`, "g") },
  { name: "gitlab_token", label: "GITLAB_TOKEN", keywords: ["glagent-"], confidence: 0.95, at: [0],
    pattern: new RegExp(`${L}(glagent-[\\w-]{50,1024})`, "g") },
  // Fixed-length types: a longer or shorter run is something else.
  { name: "gitlab_token", label: "GITLAB_TOKEN", keywords: ["glimt-", "gloas-", "glptt-"], confidence: 0.95, at: [0],
    pattern: new RegExp(`${L}(glimt-[\\w-]{25}|gloas-[\\w-]{64}|glptt-[\\w-]{40})(?![\\w-])`, "g") },
  { name: "gitlab_token", label: "GITLAB_TOKEN", keywords: ["_gitlab_session="], confidence: 0.9, at: [0],
    pattern: /_gitlab_session=([0-9a-z]{32})(?![0-9a-z])/g },
];
