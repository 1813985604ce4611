import type { Prng } from './prng';
import { luhnCheckDigit } from '../masking/luhn';

export type DemoCustomer = {
  id: number;
  full_name: string;
  email: string;
  phone: string;
  card_number: string;
  national_id: string;
  country: string;
  created_at: Date;
};

const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Mia', 'Lucas',
  'Charlotte', 'Mateo', 'Isabella', 'Hugo', 'Léa', 'Lukas', 'Hannah', 'Finn', 'Chloé', 'Louis',
  'Sofía', 'Javier', 'Lucía', 'Daan', 'Sanne', 'Priya', 'Arjun', 'Mei', 'Kenji', 'Aisha',
  'Omar', 'Fatima', 'Grace', 'Jack', 'Ruby', 'Charlie', 'Zoë', 'Mason', 'Ava', 'Ethan',
] as const;

const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Martinez', 'Wilson', 'Taylor',
  'Anderson', 'Thomas', 'Moore', 'Martin', 'Lee', "O'Brien", 'Walker', 'Müller', 'Schmidt', 'Schneider',
  'Fischer', 'Dubois', 'Lefebvre', 'Moreau', 'Fernández', 'López', 'Sánchez', 'de Vries', 'Jansen', 'Bakker',
  'Patel', 'Sharma', 'Chen', 'Wang', 'Tanaka', 'Khan', 'Ali', 'Nguyen', 'Kowalski', 'Novak',
] as const;

const DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example'] as const;

/**
 * Phone numbers in E.164, drawn where a country has one from its range reserved for fiction
 * (US/CA 555-01xx, UK 07700 900xxx, AU 0491 570xxx, FR 06 39 98xx xx).
 */
const COUNTRIES = [
  { code: 'US', weight: 30, phone: (r: Prng) => `+1${r.int(2, 9)}${r.digits(2)}55501${r.digits(2)}` },
  { code: 'CA', weight: 8, phone: (r: Prng) => `+1${r.int(2, 9)}${r.digits(2)}55501${r.digits(2)}` },
  { code: 'GB', weight: 15, phone: (r: Prng) => `+447700900${r.digits(3)}` },
  { code: 'DE', weight: 12, phone: (r: Prng) => `+49151${r.digits(8)}` },
  { code: 'FR', weight: 10, phone: (r: Prng) => `+3363998${r.digits(4)}` },
  { code: 'NL', weight: 8, phone: (r: Prng) => `+316${r.digits(8)}` },
  { code: 'ES', weight: 9, phone: (r: Prng) => `+346${r.digits(8)}` },
  { code: 'AU', weight: 8, phone: (r: Prng) => `+61491570${r.digits(3)}` },
] as const;

export const CURRENCY_BY_COUNTRY: Record<string, string> = {
  US: 'USD', CA: 'CAD', GB: 'GBP', DE: 'EUR', FR: 'EUR', NL: 'EUR', ES: 'EUR', AU: 'AUD',
};

const SINCE = Date.UTC(2023, 0, 1);
const UNTIL = Date.UTC(2024, 11, 31);

function pickCountry(r: Prng): (typeof COUNTRIES)[number] {
  const total = COUNTRIES.reduce((sum, c) => sum + c.weight, 0);
  let roll = r.int(1, total);
  for (const country of COUNTRIES) {
    roll -= country.weight;
    if (roll <= 0) return country;
  }
  return COUNTRIES[0];
}

function emailLocalPart(first: string, last: string): string {
  const ascii = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return `${ascii(first)}.${ascii(last)}`;
}

/** 16 digits with a Visa- or Mastercard-shaped prefix and a valid Luhn check digit. */
export function fakeCardNumber(r: Prng): string {
  const prefix = r.next() < 0.6 ? '4' : `5${r.int(1, 5)}`;
  const payload = prefix + r.digits(15 - prefix.length);
  return payload + luhnCheckDigit(payload);
}

/**
 * Shaped like a US SSN but never issued: area numbers 900-999 are not assigned as SSNs, and the
 * group numbers 01-49 keep clear of the ranges used for ITINs.
 */
export function fakeNationalId(r: Prng): string {
  return `9${r.digits(2)}-${String(r.int(1, 49)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`;
}

export function generateCustomers(r: Prng, count: number): DemoCustomer[] {
  const seen = new Map<string, number>();
  return Array.from({ length: count }, (_, index) => {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const country = pickCountry(r);
    const local = emailLocalPart(first, last);
    const n = (seen.get(local) ?? 0) + 1;
    seen.set(local, n);
    return {
      id: index + 1,
      full_name: `${first} ${last}`,
      email: `${n === 1 ? local : `${local}${n}`}@${r.pick(DOMAINS)}`,
      phone: country.phone(r),
      card_number: fakeCardNumber(r),
      national_id: fakeNationalId(r),
      country: country.code,
      created_at: new Date(SINCE + Math.floor(r.next() * (UNTIL - SINCE))),
    };
  });
}
