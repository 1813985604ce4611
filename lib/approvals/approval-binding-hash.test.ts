import { describe, expect, it } from 'vitest';
import { approvalBindingHash, type ApprovalBinding } from './approval-binding-hash';

const BASE: ApprovalBinding = {
  targetId: '3f0c2a8e-5b1d-4c43-9d4e-0a7e7f3e1c11',
  userId: '7d0f5a3b-2c1e-4f6a-8b9c-1d2e3f4a5b6c',
  tokenId: null,
  text: 'delete from orders where id = $1',
  params: ['42'],
};

describe('approvalBindingHash', () => {
  it('is a sha256 hex digest, independent of key order', () => {
    const reordered = { params: BASE.params, text: BASE.text, tokenId: BASE.tokenId, userId: BASE.userId, targetId: BASE.targetId };
    expect(approvalBindingHash(BASE)).toMatch(/^[0-9a-f]{64}$/);
    expect(approvalBindingHash(reordered)).toBe(approvalBindingHash(BASE));
  });

  it.each<[string, Partial<ApprovalBinding>]>([
    ['another target', { targetId: '00000000-0000-4000-8000-000000000001' }],
    ['another person', { userId: '00000000-0000-4000-8000-000000000002' }],
    ['a token', { tokenId: '00000000-0000-4000-8000-000000000003' }],
    ['other text', { text: 'delete from orders where id = $1 ' }],
    ['other bind values', { params: ['43'] }],
    ['a null bind value', { params: [null] }],
    ['no bind values', { params: null }],
    ['text moved into a parameter', { text: 'delete from orders where id = 42', params: null }],
  ])('changes for %s', (_label, change) => {
    expect(approvalBindingHash({ ...BASE, ...change })).not.toBe(approvalBindingHash(BASE));
  });

  it('treats no bind values and an empty list alike, and a missing token as none', () => {
    const simple = { ...BASE, params: null };
    expect(approvalBindingHash({ ...simple, params: [] })).toBe(approvalBindingHash(simple));
    expect(approvalBindingHash({ ...simple, params: undefined, tokenId: undefined })).toBe(approvalBindingHash(simple));
  });
});
