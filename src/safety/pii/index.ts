import type { Detector } from "../types";
import { streetAddressDetector } from "./address";
import { paymentCardDetector } from "./card";
import { emailDetector } from "./email";
import { ibanDetector } from "./iban";
import { ipAddressDetector } from "./ip";
import { personNameDetector } from "./person";
import { phoneDetector } from "./phone";
import { ssnDetector } from "./ssn";

/** All PII detectors, checksummed/structured ones first. Overlaps between them are resolved by the redactor's merge. */
export const piiDetectors: readonly Detector[] = [
  emailDetector,
  paymentCardDetector,
  ibanDetector,
  ssnDetector,
  phoneDetector,
  ipAddressDetector,
  personNameDetector,
  streetAddressDetector,
];
