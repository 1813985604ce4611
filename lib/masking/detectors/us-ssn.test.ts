import { describe, expect, it } from 'vitest';
import { usSsnDetector } from './us-ssn';

const found = (text: string) => usSsnDetector.find(text).map((s) => text.slice(s.start, s.end));

describe('usSsnDetector', () => {
  it.each<[string, string[]]>([
    ['123-45-6789', ['123-45-6789']],
    ['ssn 078-05-1120 on file', ['078-05-1120']],
    ['665-12-3456, 899-99-9999', ['665-12-3456', '899-99-9999']],
    ['"ssn":"001-01-0001"', ['001-01-0001']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    '000-12-3456',
    '666-12-3456',
    '900-12-3456',
    '999-12-3456',
    '123-00-4567',
    '123-45-0000',
    '123456789',
    '123 45 6789',
    '1123-45-6789',
    '123-45-67890',
    '9-123-45-6789',
    '123-45-6789-1',
    '555-123-4567',
    '2024-01-15',
    '',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
