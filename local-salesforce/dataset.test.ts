import { loadDevOrg, resolveSchema, schemaOf } from './dataset';

describe('loadDevOrg', () => {
  const org = loadDevOrg();

  test('loads each recorded object without attributes', () => {
    expect(Object.keys(org)).toEqual([
      'Group',
      'GroupMember',
      'MutingPermissionSet',
      'Organization',
      'PermissionSet',
      'PermissionSetAssignment',
      'PermissionSetGroup',
      'PermissionSetGroupComponent',
      'Profile',
      'TwoFactorMethodsInfo',
      'User',
      'UserLogin',
      'UserRole',
    ]);
    expect(org.User).toHaveLength(7);
    expect(org.User[0]).not.toHaveProperty('attributes');
  });

  test('has an Organization consistent with its users and groups', () => {
    const [organization] = org.Organization;

    expect(org.Group.every((g) => g.OwnerId === organization.Id)).toBe(true);
    expect(org.User.every((u) => u.CompanyName === organization.Name)).toBe(
      true,
    );
  });
});

describe('schemaOf', () => {
  test('lists the recorded fields in their canonical case', () => {
    expect(schemaOf('GroupMember')).toEqual([
      'Id',
      'GroupId',
      'UserOrGroupId',
      'SystemModstamp',
    ]);
    expect(schemaOf('Nope')).toBeUndefined();
  });

  test('resolves object names in any case', () => {
    expect(resolveSchema('permissionsetassignment')?.name).toBe(
      'PermissionSetAssignment',
    );
  });
});
