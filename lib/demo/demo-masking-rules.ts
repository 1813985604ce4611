import { DETECTORS, type MaskingRule } from '../masking/masking-schema';

const DETECTOR_NAMES: Record<(typeof DETECTORS)[number], string> = {
  email: 'E-mail addresses anywhere',
  'payment-card': 'Card numbers anywhere',
  iban: 'IBANs anywhere',
  phone: 'Phone numbers anywhere',
  'us-ssn': 'US social security numbers anywhere',
  jwt: 'JSON web tokens anywhere',
  'cloud-key': 'Cloud and API keys anywhere',
};

/**
 * The demo target's masking, so a first query shows it at work: the customers' contact and
 * payment columns by rule (approvers, standing in for the support lead, see real phone numbers),
 * and every detector on for whatever else comes back.
 */
export function demoMaskingRules(): MaskingRule[] {
  return [
    { id: 'demo-email', name: 'Customer e-mail: keep the domain', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'email-domain' } },
    {
      id: 'demo-phone',
      name: 'Customer phone: last 4 digits',
      enabled: true,
      match: { type: 'column', column: 'public.customers.phone' },
      strategy: { type: 'keep-last', n: 4 },
      exempt: { roles: ['approver'] },
    },
    {
      id: 'demo-card',
      name: 'Card number: last 4 digits, no probing',
      enabled: true,
      strict: true,
      match: { type: 'column', column: 'public.customers.card_number' },
      strategy: { type: 'keep-last', n: 4 },
    },
    {
      id: 'demo-national-id',
      name: 'National id: hidden, no probing',
      enabled: true,
      strict: true,
      match: { type: 'column', column: 'public.customers.national_id' },
      strategy: { type: 'redact' },
    },
    ...DETECTORS.map((detector): MaskingRule => ({ id: `demo-detect-${detector}`, name: DETECTOR_NAMES[detector], enabled: true, match: { type: 'detector', detector }, strategy: { type: 'redact' } })),
  ];
}
