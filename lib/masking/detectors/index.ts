import type { DetectorName } from '../masking-schema';
import { cloudKeyDetector } from './cloud-key';
import type { Detector } from './detector';
import { emailDetector } from './email';
import { ibanDetector } from './iban';
import { jwtDetector } from './jwt';
import { paymentCardDetector } from './payment-card';
import { phoneDetector } from './phone';
import { usSsnDetector } from './us-ssn';

export type { Detector, Span } from './detector';

export const DETECTOR_REGISTRY: Readonly<Record<DetectorName, Detector>> = {
  email: emailDetector,
  'payment-card': paymentCardDetector,
  iban: ibanDetector,
  phone: phoneDetector,
  'us-ssn': usSsnDetector,
  jwt: jwtDetector,
  'cloud-key': cloudKeyDetector,
};
