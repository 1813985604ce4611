import { afterEach, describe, expect, it } from 'vitest';
import { getEnv, resetEnvForTests } from '@/lib/env';
import { agentRole } from './agent-role';
import { agentJwtConfig } from './agent-jwt-config';
import { describeDelegation } from './delegation-chain';

describe('the role an agent JWT acts with', () => {
  it.each([
    ['admin', undefined, 'admin'],
    ['admin', 'auditor', 'auditor'],
    ['approver', 'user', 'user'],
    ['user', 'admin', 'user'],
    ['auditor', 'approver', 'auditor'],
    ['admin', ['user', 'approver', 'not-a-role'], 'approver'],
  ] as const)('identity %s with claim %j acts as %s', (identity, claim, expected) => {
    expect(agentRole(identity, claim === undefined ? {} : { gatehouse_role: claim }, 'gatehouse_role')).toBe(expected);
  });

  it('ignores the claim when none is configured, and refuses a claim naming no role', () => {
    expect(agentRole('approver', { gatehouse_role: 'user' }, null)).toBe('approver');
    expect(() => agentRole('admin', { gatehouse_role: ['root'] }, 'gatehouse_role')).toThrow('its "gatehouse_role" claim names no Gatehouse role');
  });
});

describe('agent JWT configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  it('needs only the issuer and the audience, defaults the skew to 30 s and caps it at 300', () => {
    process.env.OIDC_ISSUER = 'https://idp.example.test';
    process.env.OIDC_AGENT_AUDIENCE = 'urn:gatehouse:gateway';
    resetEnvForTests();
    expect(agentJwtConfig()).toEqual({ issuer: 'https://idp.example.test', audience: 'urn:gatehouse:gateway', clockSkewSeconds: 30, roleClaim: null });
    process.env.OIDC_CLOCK_SKEW_SECONDS = '301';
    resetEnvForTests();
    expect(() => getEnv()).toThrow('OIDC_CLOCK_SKEW_SECONDS: must be at most 300 seconds');
  });

  it('is off without an audience, and refuses an audience without an issuer', () => {
    expect(agentJwtConfig()).toBeNull();
    process.env.OIDC_AGENT_AUDIENCE = 'urn:gatehouse:gateway';
    resetEnvForTests();
    expect(() => getEnv()).toThrow('OIDC_ISSUER with OIDC_AGENT_AUDIENCE');
  });
});

describe('describing a delegation chain', () => {
  it('reads outermost first, preferring e-mails', () => {
    expect(describeDelegation([{ sub: 'parent-agent' }, { sub: 'u1', email: 'alice@example.test' }])).toBe('parent-agent, acting for alice@example.test');
    expect(describeDelegation(null)).toBeNull();
  });
});
