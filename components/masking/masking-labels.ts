import type { DetectorName, MaskingMatch, MaskingStrategy, MaskingStrategyType } from '@/lib/masking/masking-schema';

export const DETECTOR_LABELS: Record<DetectorName, string> = {
  email: 'E-mail addresses',
  'payment-card': 'Payment card numbers',
  iban: 'IBANs (bank accounts)',
  phone: 'Phone numbers',
  'us-ssn': 'US Social Security numbers',
  jwt: 'JSON Web Tokens',
  'cloud-key': 'Cloud access keys',
};

export const STRATEGY_LABELS: Record<MaskingStrategyType, string> = {
  redact: 'Redact',
  'keep-last': 'Keep the last N characters',
  'email-domain': 'Keep the e-mail domain',
  hash: 'Hash (same value, same hash)',
  null: 'NULL (redacted inside text)',
};

export const MATCH_KIND_LABELS: Record<MaskingMatch['type'], string> = {
  column: 'Column',
  detector: 'Detector (values found in any text)',
  regex: 'Regular expression (in any text)',
};

export function describeMatch(match: MaskingMatch): string {
  if (match.type === 'column') return `Column ${match.column}`;
  if (match.type === 'detector') return `Detector: ${DETECTOR_LABELS[match.detector]}`;
  return `Regex /${match.pattern}/`;
}

export function describeStrategy(strategy: MaskingStrategy): string {
  if (strategy.type === 'keep-last') return `Keep last ${strategy.n}`;
  return STRATEGY_LABELS[strategy.type];
}

/** A name for a rule whose name was left blank, from what it matches. */
export function defaultRuleName(match: MaskingMatch): string {
  if (match.type === 'column') return `Mask ${match.column}`;
  if (match.type === 'detector') return DETECTOR_LABELS[match.detector];
  return `Pattern /${match.pattern.length > 40 ? `${match.pattern.slice(0, 40)}…` : match.pattern}/`;
}
