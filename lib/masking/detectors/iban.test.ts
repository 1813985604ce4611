import { describe, expect, it } from 'vitest';
import { ibanDetector, isIbanValid } from './iban';

const found = (text: string) => ibanDetector.find(text).map((s) => text.slice(s.start, s.end));

describe('isIbanValid', () => {
  it.each([
    ['GB82WEST12345698765432', true],
    ['DE89370400440532013000', true],
    ['FR1420041010050500013M02606', true],
    ['gb82west12345698765432', true],
    ['GB02WEST12345698760082', true],
    ['GB99WEST12345698760082', false],
    ['GB82WEST12345698765433', false],
    ['GB82WEST1234', false],
  ])('%s -> %s', (iban, valid) => {
    expect(isIbanValid(iban)).toBe(valid);
  });
});

describe('ibanDetector', () => {
  it.each<[string, string[]]>([
    ['GB82WEST12345698765432', ['GB82WEST12345698765432']],
    ['pay to GB82 WEST 1234 5698 7654 32 today', ['GB82 WEST 1234 5698 7654 32']],
    ['DE89370400440532013000', ['DE89370400440532013000']],
    ['IBAN: DE89 3704 0044 0532 0130 00.', ['DE89 3704 0044 0532 0130 00']],
    ['lower gb82west12345698765432 case', ['gb82west12345698765432']],
    ['iban: FR1420041010050500013M02606, NL91ABNA0417164300', ['FR1420041010050500013M02606', 'NL91ABNA0417164300']],
    ['BE68 5390 0754 7034 CASH', ['BE68 5390 0754 7034']],
    ['"iban":"BE68539007547034"', ['BE68539007547034']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'GB82WEST12345698765433',
    'GB99WEST12345698760082',
    'Gb82West12345698765432',
    'XGB82WEST12345698765432',
    'GB82WEST12345698765432X',
    'GB82 WEST 1234',
    'AB12 is the gate for flight BA2490 to london today',
    'ab12 this that more text here',
    'ORDER AB12 SHIPPED TO WAREHOUSE 7 TODAY',
    '4111111111111111',
    '',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
