import { afterEach, describe, expect, it } from 'vitest';
import { getEnv, resetEnvForTests } from '../env';
import { groupRolesSchema, readGroups, roleFromGroups } from './group-roles';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

const mapping = groupRolesSchema.parse('gatehouse-admins=admin, sec-auditors=auditor,oncall=approver,cn=dba=user');

describe('OIDC_GROUP_ROLES', () => {
  it('parses group=role entries, splitting each at its last =', () => {
    expect([...mapping]).toEqual([
      ['gatehouse-admins', 'admin'],
      ['sec-auditors', 'auditor'],
      ['oncall', 'approver'],
      ['cn=dba', 'user'],
    ]);
  });

  it.each([
    ['admins', /"admins" is not group=role/],
    ['=admin', /"=admin" is not group=role/],
    ['admins=root', /"admins=root": role must be one of admin, approver, auditor, user/],
    ['a=admin,a=user', /group "a" is listed twice/],
    [' , ', /at least one group=role entry/],
  ])('refuses %j at boot, naming the variable', (value, message) => {
    process.env.OIDC_GROUP_ROLES = value;
    resetEnvForTests();
    expect(() => getEnv()).toThrow(new RegExp(`OIDC_GROUP_ROLES: .*${message.source}`));
  });

  it('is read from the environment with groups as the default claim', () => {
    process.env.OIDC_GROUP_ROLES = 'ops=approver';
    delete process.env.OIDC_GROUPS_CLAIM;
    resetEnvForTests();
    expect(getEnv().OIDC_GROUP_ROLES?.get('ops')).toBe('approver');
    expect(getEnv().OIDC_GROUPS_CLAIM).toBe('groups');
  });
});

describe('roleFromGroups', () => {
  it.each([
    [['oncall', 'sec-auditors'], { role: 'approver', groups: ['oncall'] }],
    [['sec-auditors', 'gatehouse-admins', 'oncall'], { role: 'admin', groups: ['gatehouse-admins'] }],
    [['sec-auditors', 'unrelated'], { role: 'auditor', groups: ['sec-auditors'] }],
    [['cn=dba'], { role: 'user', groups: ['cn=dba'] }],
    [['Gatehouse-Admins', 'unrelated'], null],
    [[], null],
  ])('%j → %j (highest role wins, names match exactly)', (groups, expected) => {
    expect(roleFromGroups(mapping, groups)).toEqual(expected);
  });
});

describe('readGroups', () => {
  it('reads a list, a single string, a dotted nested claim, or nothing', () => {
    expect(readGroups({ groups: ['a', 'b', 3, null] }, 'groups')).toEqual(['a', 'b']);
    expect(readGroups({ groups: 'a' }, 'groups')).toEqual(['a']);
    expect(readGroups({ realm_access: { roles: ['x'] } }, 'realm_access.roles')).toEqual(['x']);
    expect(readGroups({ 'https://example.test/groups': ['y'] }, 'https://example.test/groups')).toEqual(['y']);
    expect(readGroups({ groups: { a: 1 } }, 'groups')).toEqual([]);
    expect(readGroups({}, 'groups')).toEqual([]);
  });
});
