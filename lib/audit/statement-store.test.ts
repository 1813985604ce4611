import { describe, expect, it } from 'vitest';
import { storeErrorMessage } from './statement-store';

describe('storeErrorMessage', () => {
  it("keeps the driver's message and never a query builder's (which carries other sessions' SQL)", () => {
    const driver = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    expect(storeErrorMessage(new Error('Failed query: insert into statements ... params: secret', { cause: driver }))).toBe('connection refused');
    expect(storeErrorMessage(new Error('Failed query: insert into statements ... params: secret'))).toBe('the audit store rejected the write');
    expect(storeErrorMessage(new Error('too many clients'))).toBe('too many clients');
  });
});
