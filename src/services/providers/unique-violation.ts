/** Whether a D1 error is a UNIQUE constraint failure (a name taken by a concurrent writer after our check). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/i.test(error.message);
}
