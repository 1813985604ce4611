import { describe, expect, it } from 'vitest';
import { emailDetector } from './email';

const found = (text: string) => emailDetector.find(text).map((s) => text.slice(s.start, s.end));

describe('emailDetector', () => {
  it.each<[string, string[]]>([
    ['alice@example.com', ['alice@example.com']],
    ['mail alice.smith+tag@mail.example.co.uk, thanks', ['alice.smith+tag@mail.example.co.uk']],
    ["o'brien@example.ie", ["o'brien@example.ie"]],
    ["quoted 'bob@example.com' here", ['bob@example.com']],
    ['Contact: müller@beispiel.de.', ['müller@beispiel.de']],
    ['{"email":"ops_1@corp.test","cc":"x-y%z@a-b.example.org"}', ['ops_1@corp.test', 'x-y%z@a-b.example.org']],
    ['a@b.io and c@d.org', ['a@b.io', 'c@d.org']],
    ['mailto:bob@example.com?subject=hi', ['bob@example.com']],
    ['punycode user@xn--mnchen-3ya.de and user@example.xn--p1ai', ['user@xn--mnchen-3ya.de', 'user@example.xn--p1ai']],
    ['a@b@example.com', ['b@example.com']],
    ['...bob@example.com', ['bob@example.com']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'no at sign here',
    '@example.com',
    'bob@',
    'bob@localhost',
    'bob@example',
    'price 3 @ 4.50',
    'follow @handle today',
    'a@b.c',
    'user@192.168.1.10',
    'bob@-example.com',
    '',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads a long run of letters before a stray @ in one pass, not once per offset', () => {
    expect(found(`${'a'.repeat(200_000)}@`)).toEqual([]);
    expect(found(`${'a'.repeat(200_000)}@example.com`)).toHaveLength(1);
  });
});
