import { describe, expect, it } from 'vitest';
import { isLuhnValid, luhnCheckDigit } from './luhn';

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', 3],
    ['411111111111111', 1],
    ['555555555555444', 4],
    ['37828224631000', 5],
    ['0', 0],
  ])('%s -> %i', (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it('rejects anything but digits', () => {
    expect(() => luhnCheckDigit('4111 1111')).toThrow();
    expect(() => luhnCheckDigit('')).toThrow();
  });
});

describe('isLuhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['5555555555554444', true],
    ['378282246310005', true],
    ['4111111111111112', false],
    ['79927398710', false],
    ['1', false],
    ['4111-1111-1111-1111', false],
  ])('%s -> %s', (number, valid) => {
    expect(isLuhnValid(number)).toBe(valid);
  });
});
