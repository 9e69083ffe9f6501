import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'fs';
import os from 'os';
import path from 'path';
import { loadDataset, loadDevOrg, resolveSchema, schemaOf } from './dataset';

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

describe('loadDataset', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'graph-salesforce-dataset-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test("reads a copy of the dev org's folder as the dev org", () => {
    const devOrg = path.join(__dirname, 'data', 'dev-org');
    for (const file of readdirSync(devOrg)) {
      copyFileSync(path.join(devOrg, file), path.join(folder, file));
    }
    expect(loadDataset(folder)).toEqual(loadDevOrg());
  });

  test('names a file that is not a query response', () => {
    writeFileSync(path.join(folder, 'User.json'), '[{"Id": "005"}]');
    expect(() => loadDataset(folder)).toThrow(
      `${path.join(folder, 'User.json')} has no "records" list`,
    );
  });

  test('names an object the local org does not know, and a field an object lacks', () => {
    writeFileSync(
      path.join(folder, 'PermissionSetAsignment.json'),
      '{"records": []}',
    );
    expect(() => loadDataset(folder)).toThrow(
      'the local org knows no PermissionSetAsignment',
    );
    rmSync(path.join(folder, 'PermissionSetAsignment.json'));
    writeFileSync(
      path.join(folder, 'User.json'),
      '{"records": [{"Id": "005A", "Titel": "CEO"}]}',
    );
    expect(() => loadDataset(folder)).toThrow(
      'record 005A has Titel, which User does not have in the local org',
    );
  });

  test('names a folder with no object in it', () => {
    expect(() => loadDataset(folder)).toThrow('holds no <sObject>.json file');
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
