import { describe, expect, it } from 'vitest';
import { UnsecuredJWT } from 'jose';
import { readSsoClaims, type UserinfoClient } from './sso-claims';

const idToken = (claims: Record<string, unknown>) => new UnsecuredJWT(claims).encode();

function userinfoClient(answer: Record<string, unknown> | Error): UserinfoClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async userinfo(accessToken) {
      calls.push(accessToken);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('readSsoClaims', () => {
  it('uses the ID token alone when it carries the e-mail and the groups claim', async () => {
    const client = userinfoClient({ sub: 'u1', email: 'other@example.test' });
    const claims = await readSsoClaims({ id_token: idToken({ sub: 'u1', email: 'a@example.test', groups: ['ops'] }), access_token: 'at' }, client, { groupsClaim: 'groups' });
    expect(claims).toMatchObject({ email: 'a@example.test', groups: ['ops'] });
    expect(client.calls).toEqual([]);
  });

  it('asks userinfo for what the ID token lacks, and merges it', async () => {
    const client = userinfoClient({ sub: 'u1', email: 'a@example.test', realm_access: { roles: ['ops'] } });
    const claims = await readSsoClaims({ id_token: idToken({ sub: 'u1' }), access_token: 'at' }, client, { groupsClaim: 'realm_access.roles' });
    expect(claims).toMatchObject({ sub: 'u1', email: 'a@example.test', realm_access: { roles: ['ops'] } });
    expect(client.calls).toEqual(['at']);
  });

  it('refuses userinfo about another subject', async () => {
    const client = userinfoClient({ sub: 'someone-else', email: 'boss@example.test' });
    await expect(readSsoClaims({ id_token: idToken({ sub: 'u1' }), access_token: 'at' }, client, { groupsClaim: null })).rejects.toThrow(/another subject/);
  });

  it('falls back to the ID token when userinfo refuses and the e-mail is there, else fails', async () => {
    const refusing = userinfoClient(new Error('invalid_token'));
    await expect(readSsoClaims({ id_token: idToken({ sub: 'u1', email: 'a@example.test' }), access_token: 'at' }, refusing, { groupsClaim: 'groups' })).resolves.toEqual({
      sub: 'u1',
      email: 'a@example.test',
    });
    await expect(readSsoClaims({ id_token: idToken({ sub: 'u1' }), access_token: 'at' }, refusing, { groupsClaim: 'groups' })).rejects.toThrow('invalid_token');
  });
});
