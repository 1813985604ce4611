import { describe, expect, it } from 'vitest';
import { createPrng } from './prng';
import { isLuhnValid } from '../masking/luhn';
import { generateCustomers } from './fake-customers';
import { generatePayments, PAYMENT_STATUSES } from './fake-payments';

const customers = generateCustomers(createPrng(42), 500);

describe('generateCustomers', () => {
  it('is deterministic for a seed', () => {
    expect(generateCustomers(createPrng(42), 500)).toEqual(customers);
    expect(generateCustomers(createPrng(43), 5)).not.toEqual(customers.slice(0, 5));
  });

  it('produces realistic, well-formed fields', () => {
    for (const c of customers) {
      expect(c.phone).toMatch(/^\+[1-9]\d{7,14}$/);
      expect(c.card_number).toMatch(/^\d{16}$/);
      expect(isLuhnValid(c.card_number)).toBe(true);
      expect(c.national_id).toMatch(/^9\d\d-(0[1-9]|[1-4]\d)-\d{4}$/);
      expect(c.national_id.endsWith('-0000')).toBe(false);
      expect(c.email).toMatch(/^[a-z]+\.[a-z]+\d*@[a-z.]+$/);
      expect(c.email.startsWith(c.full_name.split(' ')[0]!.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase())).toBe(true);
    }
  });

  it('gives every customer a distinct e-mail and id', () => {
    expect(new Set(customers.map((c) => c.email.split('@')[0])).size).toBe(customers.length);
    expect(customers.map((c) => c.id)).toEqual(customers.map((_, i) => i + 1));
  });
});

describe('generatePayments', () => {
  const payments = generatePayments(createPrng(7), customers, 2000);

  it('refers to existing customers, after they signed up, in their currency', () => {
    const byId = new Map(customers.map((c) => [c.id, c]));
    for (const p of payments) {
      const customer = byId.get(p.customer_id)!;
      expect(customer).toBeDefined();
      expect(p.created_at.getTime()).toBeGreaterThanOrEqual(customer.created_at.getTime());
      expect(p.amount_cents).toBeGreaterThanOrEqual(500);
      expect(p.amount_cents).toBeLessThanOrEqual(200_000);
      expect(PAYMENT_STATUSES).toContain(p.status);
      expect(p.currency).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('is deterministic and numbered in time order', () => {
    expect(generatePayments(createPrng(7), customers, 2000)).toEqual(payments);
    expect(payments.map((p) => p.id)).toEqual(payments.map((_, i) => i + 1));
  });
});
