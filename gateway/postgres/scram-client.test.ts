import { describe, expect, it } from 'vitest';
import { md5Password, ScramClient } from './scram-client';

describe('SCRAM-SHA-256 client', () => {
  // RFC 7677 section 3 example exchange.
  const serverFirst = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';

  it('produces the RFC 7677 client proof and verifies the server signature', () => {
    const client = new ScramClient('pencil', { nonce: 'rOprNGfwEbeRWgbNEkqO', user: 'user' });
    expect(client.clientFirst()).toBe('n,,n=user,r=rOprNGfwEbeRWgbNEkqO');
    expect(client.clientFinal(serverFirst)).toBe(
      'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
    );
    expect(() => client.verifyServerFinal('v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=')).not.toThrow();
  });

  it('refuses a forged server signature and a server nonce that does not extend ours', () => {
    const client = new ScramClient('pencil', { nonce: 'rOprNGfwEbeRWgbNEkqO', user: 'user' });
    client.clientFinal(serverFirst);
    expect(() => client.verifyServerFinal('v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')).toThrow(/did not verify/);
    const other = new ScramClient('pencil', { nonce: 'different', user: 'user' });
    expect(() => other.clientFinal(serverFirst)).toThrow(/invalid SCRAM/);
  });
});

describe('md5 password', () => {
  it('is md5(md5(password + user) + salt) with the md5 prefix', () => {
    // Computed independently with Python's hashlib: md5(md5("secretalice").hex + salt 01020304).
    expect(md5Password('alice', 'secret', Buffer.from([1, 2, 3, 4]))).toBe('md598a0412b9c31436fc53776e863350083');
    expect(md5Password('alice', 'secret', Buffer.from([1, 2, 3, 4]))).not.toBe(md5Password('alice', 'secret', Buffer.from([4, 3, 2, 1])));
  });
});
