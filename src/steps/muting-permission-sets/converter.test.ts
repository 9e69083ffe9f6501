import { SalesforceMutingPermissionSet } from '../../salesforce/objects';
import { createMutingPermissionSetEntity } from './converter';

const muting: SalesforceMutingPermissionSet = {
  Id: '0QMDoMM00000001ODA',
  DeveloperName: 'Data_Admin_Group_Muting',
  MasterLabel: 'Muted in Data Admin Group',
  NamespacePrefix: null,
  CreatedDate: null,
  LastModifiedDate: null,
  PermissionsModifyAllData: true,
  PermissionsViewAllData: false,
};

test('a muting permission set lists what it mutes, and grants nothing a query for a permission finds', () => {
  const entity = createMutingPermissionSetEntity(
    muting,
    'https://acme.my.salesforce.com',
  );
  expect(entity.mutedPermissions).toEqual(['ModifyAllData']);
  expect(entity).not.toHaveProperty('modifyAllData');
});

test("a managed package's muting permission set carries its namespace, which tells it from another package's of the same name", () => {
  const entity = createMutingPermissionSetEntity(
    { ...muting, NamespacePrefix: 'acme' },
    'https://acme.my.salesforce.com',
  );
  expect(entity.namespacePrefix).toBe('acme');
});
