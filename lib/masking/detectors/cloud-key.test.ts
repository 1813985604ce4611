import { describe, expect, it } from 'vitest';
import { cloudKeyDetector } from './cloud-key';

const found = (text: string) => cloudKeyDetector.find(text).map((s) => text.slice(s.start, s.end));

// Built from parts so that secret scanners do not take the fixtures for leaked keys.
const alnum = (n: number) => 'aB3dE5fG7h'.repeat(Math.ceil(n / 10)).slice(0, n);
const KEYS = {
  awsKeyId: ['AKIA', 'IOSFODNN7EXAMPLE'].join(''),
  awsSessionKeyId: ['ASIA', 'Y3VMZXKQ7ABCDEFG'].join(''),
  github: ['ghp', alnum(36)].join('_'),
  githubApp: ['ghs', alnum(40)].join('_'),
  githubPat: ['github', 'pat', '11ABCDEFG0', alnum(59)].join('_'),
  slack: ['xoxb', '1234567890', '0987654321', alnum(24)].join('-'),
  stripe: ['sk', 'live', alnum(24)].join('_'),
  stripeRestricted: ['rk', 'live', alnum(24)].join('_'),
  stripeTest: ['sk', 'test', alnum(16)].join('_'),
  google: ['AIza', 'SyA-', alnum(31)].join(''),
  gatehouse: ['ghk', `${alnum(40)}-_x`].join('_'),
};
const dashes = '-----';
const pem = (label: string, body: string) => `${dashes}BEGIN ${label}${dashes}\n${body}\n${dashes}END ${label}${dashes}`;
const rsa = pem('RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA\nqwerty+/=');
const pkcs8 = pem('PRIVATE KEY', 'MIIEvQIBADANBgkq');
const openssh = pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAA');
const pgp = pem('PGP PRIVATE KEY BLOCK', 'lQOYBF0');

describe('cloudKeyDetector', () => {
  it.each(Object.entries(KEYS))('finds a %s key alone and inside text', (_kind, key) => {
    expect(found(key)).toEqual([key]);
    expect(found(`config: key="${key}" and more`)).toEqual([key]);
  });

  it.each<[string, string, string[]]>([
    ['an RSA key block', `before\n${rsa}\nafter`, [rsa]],
    ['a PKCS#8 key block', pkcs8, [pkcs8]],
    ['an OpenSSH key block', openssh, [openssh]],
    ['a PGP private key block', pgp, [pgp]],
    ['a key block escaped in a COPY text line', `1\t${rsa.replaceAll('\n', '\\n')}\tnext`, [rsa.replaceAll('\n', '\\n')]],
    ['a key block without its END line, up to the end of the body', `1\t${dashes}BEGIN EC PRIVATE KEY${dashes}\\nMHcCAQEE+/=\tnext`, [`${dashes}BEGIN EC PRIVATE KEY${dashes}\\nMHcCAQEE+/=`]],
    ['two keys', `${KEYS.awsKeyId} ${KEYS.stripe}`, [KEYS.awsKeyId, KEYS.stripe]],
  ])('finds %s', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['AKIA', 'IOSFODNN7EXAMPL'].join(''),
    ['AKIA', 'IOSFODNN7EXAMPLEX'].join(''),
    'AKIAiosfodnn7example',
    'Asia Pacific ASIA region',
    ['ghp', 'short'].join('_'),
    ['github', 'pat', 'short'].join('_'),
    ['xoxb', '123'].join('-'),
    ['sk', 'live', 'short'].join('_'),
    ['pk', 'live', alnum(24)].join('_'),
    ['AIza', 'short'].join(''),
    ['ghk', alnum(10)].join('_'),
    pem('CERTIFICATE', 'MIIDdzCCAl+gAwIBAgIE'),
    pem('PUBLIC KEY', 'MIIBIjANBgkqhkiG9w0B'),
    'ordinary text with no keys at all',
    '',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('ends a block at its own END line, past other END lines, and reports keys inside it once', () => {
    const inner = pem('CERTIFICATE', 'MIIB').split('\n').at(-1)!;
    const block = `${dashes}BEGIN PRIVATE KEY${dashes}\nMIIB ${KEYS.awsKeyId}\n${inner}\nMIIC\n${dashes}END PRIVATE KEY${dashes}`;
    expect(found(`x ${block} y`)).toEqual([block]);
  });

  it('reads many BEGIN lines without an END in one pass, not once per BEGIN', () => {
    const text = `${dashes}BEGIN PRIVATE KEY${dashes}.`.repeat(40_000);
    expect(found(text)).toHaveLength(40_000);
  });
});
