import { z } from "zod";

/**
 * A time bound in a query: ISO-8601 with a zone (`2025-01-31T00:00:00Z`, `…+02:00`), normalized to the stored form
 * (`Date#toISOString`, UTC with milliseconds) so string comparison with the stored times is time order.
 */
export const isoTimeQuery = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString())
  .meta({ description: "ISO-8601 time with a zone, e.g. 2025-01-31T00:00:00Z." });
