import { devOrgRecords } from '../../../test/devOrg';
import {
  PERMISSION_SET_FIELDS,
  SalesforcePermissionSet,
} from '../../salesforce/objects';
import {
  createPermissionSetEntity,
  owningProfileId,
  permissionSetGrant,
} from './converter';

const INSTANCE_URL = 'https://example.my.salesforce.com';
const permissionSets = devOrgRecords<SalesforcePermissionSet>(
  'PermissionSet',
  PERMISSION_SET_FIELDS,
);
const byId = (id: string) => permissionSets.find((ps) => ps.Id === id)!;

describe('createPermissionSetEntity', () => {
  test('converts every dev-org permission set', () => {
    const entities = permissionSets.map((ps) =>
      createPermissionSetEntity(ps, INSTANCE_URL),
    );
    expect(entities).toHaveLength(78);
    expect(entities).toMatchGraphObjectSchema({ _class: ['AccessPolicy'] });
  });

  test('carries the security permissions as booleans', () => {
    const systemAdministrator = createPermissionSetEntity(
      byId('0PSDo000000HgIgOAK'),
      INSTANCE_URL,
    );
    expect(systemAdministrator).toMatchObject({
      ownedByProfile: true,
      profileId: '00eDo000000gtbIIAQ',
      type: 'Profile',
      modifyAllData: true,
      viewAllData: true,
      manageUsers: true,
      customizeApplication: true,
    });
    const experienceManager = createPermissionSetEntity(
      byId('0PSDo000000HgJJOA0'),
      INSTANCE_URL,
    );
    expect(experienceManager).toMatchObject({
      name: 'Experience_Profile_Manager',
      displayName: 'Experience Profile Manager',
      ownedByProfile: false,
      type: 'Regular',
      modifyAllData: false,
    });
  });
});

describe('owningProfileId', () => {
  test('is the profile for profile-owned permission sets only', () => {
    expect(owningProfileId(byId('0PSDo000000HgIgOAK'))).toBe(
      '00eDo000000gtbIIAQ',
    );
    expect(owningProfileId(byId('0PSDo000000HgJJOA0'))).toBeNull();
  });

  test('counts 39 profile-owned permission sets in the dev org', () => {
    expect(permissionSets.filter(owningProfileId)).toHaveLength(39);
  });
});

describe('permissionSetGrant', () => {
  test("names a managed package's permission set by its qualified API name", () => {
    const [local] = permissionSets;
    const packaged = {
      ...local,
      Id: '0PSDo0000000002',
      NamespacePrefix: 'pkga',
    };
    expect(permissionSetGrant(local).path).not.toEqual(
      permissionSetGrant(packaged).path,
    );
    expect(permissionSetGrant(packaged).path).toBe(
      `Permission Set: ${local.Label} (pkga__${local.Name})`,
    );
  });
});
