import { countRecords, OrgDataset, schemaOf, SObjectRecord } from './dataset';
import { SECURITY_PERMISSION_FIELDS } from './generate/access';
import { generateOrg } from './generate';
import { isCaseSafeId, KEY_PREFIXES } from './ids';

const size = {
  users: 2000,
  roles: 30,
  profiles: 15,
  permissionSets: 40,
  assignmentsPerUser: 4,
  groups: 120,
  membersPerGroup: 12,
};
const org = generateOrg(size);

function allRecords(dataset: OrgDataset): SObjectRecord[] {
  return Object.values(dataset).reduce<SObjectRecord[]>(
    (all, records) => all.concat(records),
    [],
  );
}

function byType(type: string) {
  return org.Group.filter((group) => group.Type === type);
}

describe('generateOrg', () => {
  test('makes exactly the records a size asks for', () => {
    expect(countRecords(org)).toEqual({
      Organization: 1,
      UserRole: 30,
      Profile: 15,
      User: 2000,
      PermissionSet: 15 + 40 + 10,
      // Every tenth user also holds a permission set group.
      PermissionSetAssignment: 2000 * (1 + 4) + 2000 / 10,
      Group: 30 * 2 + 1 + 120,
      GroupMember: 120 * 12,
      PermissionSetGroup: 10,
      // Three permission sets each; every other group mutes.
      PermissionSetGroupComponent: 10 * 3 + 5,
      MutingPermissionSet: 5,
      TwoFactorMethodsInfo: 2000 / 2,
      UserLogin: 2000,
    });
  });

  test('applies the documented defaults', () => {
    expect(countRecords(generateOrg({ users: 400 }))).toEqual({
      Organization: 1,
      UserRole: 50,
      Profile: 20,
      User: 400,
      PermissionSet: 120 + 10,
      PermissionSetAssignment: 400 * 4 + 400 / 10,
      Group: 50 * 2 + 1 + 20,
      GroupMember: 20 * 10,
      PermissionSetGroup: 10,
      PermissionSetGroupComponent: 35,
      MutingPermissionSet: 5,
      TwoFactorMethodsInfo: 200,
      UserLogin: 400,
    });
  });

  test('is deterministic', () => {
    expect(generateOrg(size)).toEqual(org);
    expect(generateOrg({ ...size, seed: 2 })).not.toEqual(org);
  });

  test('gives every record a unique case-safe id with its key prefix', () => {
    const ids = new Set<string>();
    for (const [objectName, records] of Object.entries(org)) {
      const prefix = KEY_PREFIXES[objectName as keyof typeof KEY_PREFIXES];
      for (const { Id } of records) {
        expect(isCaseSafeId(Id) && Id.startsWith(prefix)).toBe(true);
        ids.add(Id);
      }
    }
    expect(ids.size).toBe(allRecords(org).length);
  });

  test('resolves every reference to a record of the org', () => {
    const ids = new Set(allRecords(org).map((record) => record.Id));
    const outsideTheOrg = KEY_PREFIXES.UserLicense;
    const dangling = allRecords(org).flatMap((record) =>
      Object.entries(record)
        .filter(([field, value]) => field !== 'Id' && field.endsWith('Id'))
        .filter(([, value]) => typeof value === 'string')
        .filter(([, value]) => !(value as string).startsWith(outsideTheOrg))
        .filter(([, value]) => !ids.has(value as string))
        .map(([field, value]) => `${record.Id}.${field}=${value}`),
    );

    expect(dangling).toEqual([]);
  });

  test('uses only fields of the real schema', () => {
    for (const [objectName, records] of Object.entries(org)) {
      const schema = new Set(schemaOf(objectName));
      const unknown = Object.keys(records[0]).filter((f) => !schema.has(f));
      expect({ objectName, unknown }).toEqual({ objectName, unknown: [] });
    }
  });

  test('builds one role tree', () => {
    const roleIndex = new Map(org.UserRole.map((role, i) => [role.Id, i]));

    org.UserRole.forEach((role, index) => {
      const parent = role.ParentRoleId as string | null;
      if (index === 0) {
        expect(parent).toBeNull();
      } else {
        expect(roleIndex.get(parent!)).toBeLessThan(index);
      }
    });
  });

  test('gives each profile one permission set it owns', () => {
    const owned = org.PermissionSet.filter((ps) => ps.IsOwnedByProfile);

    expect(owned.map((ps) => ps.ProfileId)).toEqual(
      org.Profile.map((profile) => profile.Id),
    );
    for (const ps of owned) {
      expect(ps).toMatchObject({ Type: 'Profile', Name: `X${ps.ProfileId}` });
    }
    for (const ps of org.PermissionSet.filter((p) => !p.IsOwnedByProfile)) {
      expect(ps.ProfileId).toBeNull();
      expect(['Regular', 'Group']).toContain(ps.Type);
    }
  });

  test('grants admin permissions in some regular permission sets only', () => {
    const regular = org.PermissionSet.filter((ps) => ps.Type === 'Regular');
    const modifyAll = regular.filter((ps) => ps.PermissionsModifyAllData);

    expect(modifyAll.length).toBeGreaterThan(0);
    expect(modifyAll.length).toBeLessThan(regular.length / 2);
    const grantingDirectly = org.PermissionSet.filter(
      (ps) => ps.Type !== 'Group',
    );
    for (const ps of grantingDirectly.concat(org.Profile)) {
      for (const permission of SECURITY_PERMISSION_FIELDS) {
        expect(typeof ps[permission]).toBe('boolean');
      }
    }
  });

  test('assigns each user their profile permission set and distinct others', () => {
    const profileSet = new Map(
      org.PermissionSet.filter((ps) => ps.IsOwnedByProfile).map((ps) => [
        ps.ProfileId,
        ps.Id,
      ]),
    );
    const assigned = new Map<unknown, unknown[]>();
    const ofPermissionSets = org.PermissionSetAssignment.filter(
      (assignment) => assignment.PermissionSetGroupId === null,
    );
    for (const assignment of ofPermissionSets) {
      const sets = assigned.get(assignment.AssigneeId) ?? [];
      assigned.set(
        assignment.AssigneeId,
        sets.concat(assignment.PermissionSetId),
      );
    }

    for (const user of org.User) {
      const sets = assigned.get(user.Id)!;
      expect(sets).toContain(profileSet.get(user.ProfileId));
      expect(new Set(sets).size).toBe(1 + size.assignmentsPerUser);
    }
  });

  test('mixes users the way real orgs do', () => {
    const types = new Set(org.User.map((user) => user.UserType));
    const domains = org.User.map((user) => String(user.Email).split('@')[1]);

    expect(types).toEqual(
      new Set([
        'Standard',
        'AutomatedProcess',
        'CloudIntegrationUser',
        'CsnOnly',
      ]),
    );
    expect(org.User.some((user) => user.IsActive === false)).toBe(true);
    expect(org.User.some((user) => user.UserRoleId === null)).toBe(true);
    expect(org.User.some((user) => user.ManagerId !== null)).toBe(true);
    expect(domains.some((domain) => !domain.includes('.'))).toBe(true);
    expect(domains.some((domain) => domain.includes('.'))).toBe(true);
  });

  test('keeps two groups per role and one org-wide group, as Salesforce does', () => {
    for (const type of ['Role', 'RoleAndSubordinates']) {
      const groups = byType(type);
      expect(groups.map((group) => group.RelatedId)).toEqual(
        org.UserRole.map((role) => role.Id),
      );
      expect(groups.every((group) => group.Name === null)).toBe(true);
    }
    expect(byType('Organization')).toEqual([
      expect.objectContaining({
        DeveloperName: 'AllInternalUsers',
        Name: null,
      }),
    ]);
    expect(byType('Regular').every((group) => group.Name)).toBe(true);
  });

  test('fills public groups with distinct users and earlier groups', () => {
    const regular = byType('Regular').map((group) => group.Id);
    const pairs = new Set<string>();
    let nested = 0;
    for (const member of org.GroupMember) {
      expect(regular).toContain(member.GroupId);
      expect(member.UserOrGroupId).not.toBe(member.GroupId);
      pairs.add(`${member.GroupId}:${member.UserOrGroupId}`);
      if (String(member.UserOrGroupId).startsWith(KEY_PREFIXES.Group)) {
        nested++;
        expect(regular.indexOf(member.UserOrGroupId as string)).toBeLessThan(
          regular.indexOf(member.GroupId as string),
        );
      }
    }

    expect(pairs.size).toBe(org.GroupMember.length);
    expect(nested).toBeGreaterThan(0);
    expect(nested).toBeLessThan(org.GroupMember.length / 4);
  });

  test('generates 100,000 users with their assignments and groups', () => {
    const large = generateOrg({ users: 100_000, groups: 5000 });

    // 3 regular and 1 profile assignment each; every tenth user a group.
    expect(large.PermissionSetAssignment.length).toBe(410_000);
    expect(large.GroupMember).toHaveLength(50_000);
  });

  test('handles a one-user org', () => {
    expect(
      countRecords(generateOrg({ users: 1, roles: 0, profiles: 1 })),
    ).toMatchObject({ User: 1, UserRole: 0, Group: 1, GroupMember: 0 });
  });

  test('refuses sizes that are not whole numbers', () => {
    expect(() => generateOrg({ users: 0 })).toThrow(/at least one user/);
    expect(() => generateOrg({ users: 10, groups: 1.5 })).toThrow(/groups/);
  });
});

test('groups its permission sets, mutes some, and expires some grants', () => {
  const org = generateOrg({ users: 200 });
  const groupIds = new Set(org.PermissionSetGroup.map((group) => group.Id));
  const aggregates = org.PermissionSet.filter((ps) => ps.Type === 'Group');
  expect(aggregates.map((ps) => ps.PermissionSetGroupId)).toEqual([
    ...groupIds,
  ]);
  for (const component of org.PermissionSetGroupComponent) {
    expect(groupIds.has(String(component.PermissionSetGroupId))).toBe(true);
  }
  const mutingIds = org.MutingPermissionSet.map((muting) => muting.Id);
  expect(
    org.PermissionSetGroupComponent.filter((c) =>
      mutingIds.includes(String(c.PermissionSetId)),
    ),
  ).toHaveLength(mutingIds.length);
  const groupAssignments = org.PermissionSetAssignment.filter(
    (assignment) => assignment.PermissionSetGroupId !== null,
  );
  expect(groupAssignments).toHaveLength(20);
  expect(
    org.PermissionSetAssignment.filter((a) => a.ExpirationDate !== null).length,
  ).toBeGreaterThan(0);
  expect(org.TwoFactorMethodsInfo).toHaveLength(100);
});

test('gives every user a login and freezes one in a hundred', () => {
  const org = generateOrg({ users: 200 });
  expect(org.UserLogin.map((login) => login.UserId)).toEqual(
    org.User.map((user) => user.Id),
  );
  expect(
    org.UserLogin.filter((login) => login.IsFrozen).map((l) => l.UserId),
  ).toEqual([org.User[50].Id, org.User[150].Id]);
});
