/**
 * Shapes of emails and passwords. Passwords: at least 12 characters (OWASP ASVS 2.1.1), at most 256 (the cap keeps
 * attackers from making us hash megabytes); no composition rules (NIST SP 800-63B).
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
const EMAIL_MAX = 254;

/** Trimmed and lower-cased: the one form stored, looked up and throttled on. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  const normal = normalizeEmail(email);
  if (normal.length > EMAIL_MAX || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normal)) return "must be an email address";
  return null;
}

export function passwordProblem(password: string): string | null {
  const length = Array.from(password).length; // code points, as NIST SP 800-63B counts them
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  return null;
}

/** Every problem of an email/password pair, by field (empty when both are fine). */
export function credentialProblems(input: { email: string; password: string }): Record<string, string> {
  const fields: Record<string, string> = {};
  const email = emailProblem(input.email);
  const password = passwordProblem(input.password);
  if (email !== null) fields.email = email;
  if (password !== null) fields.password = password;
  return fields;
}
