import type { Prng } from './prng';
import { CURRENCY_BY_COUNTRY, type DemoCustomer } from './fake-customers';

export type DemoPayment = {
  id: number;
  customer_id: number;
  amount_cents: number;
  currency: string;
  status: string;
  created_at: Date;
};

export const PAYMENT_STATUSES = ['succeeded', 'failed', 'refunded', 'pending'] as const;

const DAY = 86_400_000;
const LAST_PAYMENT = Date.UTC(2025, 5, 30);

function pickStatus(r: Prng): string {
  const roll = r.next();
  if (roll < 0.85) return 'succeeded';
  if (roll < 0.92) return 'failed';
  if (roll < 0.97) return 'refunded';
  return 'pending';
}

/** Amounts spread log-uniformly between 5 and 2,000 in the customer's currency, as real baskets are. */
export function generatePayments(r: Prng, customers: readonly DemoCustomer[], count: number): DemoPayment[] {
  const payments = Array.from({ length: count }, () => {
    const customer = r.pick(customers);
    const since = customer.created_at.getTime();
    const created = Math.min(LAST_PAYMENT, since + Math.floor(r.next() * 365 * DAY));
    return {
      customer_id: customer.id,
      amount_cents: Math.round(Math.exp(Math.log(500) + r.next() * Math.log(400))),
      currency: CURRENCY_BY_COUNTRY[customer.country] ?? 'USD',
      status: pickStatus(r),
      created_at: new Date(created),
    };
  });
  payments.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  return payments.map((p, index) => ({ id: index + 1, ...p }));
}
