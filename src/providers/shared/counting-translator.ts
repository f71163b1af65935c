import type { StreamTranslator } from "../types";

/** A StreamTranslator that also counts upstream events it skipped because their data was not a JSON object. */
export interface CountingStreamTranslator extends StreamTranslator {
  malformedEvents(): number;
}
