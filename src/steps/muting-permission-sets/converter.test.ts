import { createMutingPermissionSetEntity } from './converter';

test('a muting permission set lists what it mutes, and grants nothing a query for a permission finds', () => {
  const entity = createMutingPermissionSetEntity(
    {
      Id: '0QMDoMM00000001ODA',
      DeveloperName: 'Data_Admin_Group_Muting',
      MasterLabel: 'Muted in Data Admin Group',
      CreatedDate: null,
      LastModifiedDate: null,
      PermissionsModifyAllData: true,
      PermissionsViewAllData: false,
    },
    'https://acme.my.salesforce.com',
  );
  expect(entity.mutedPermissions).toEqual(['ModifyAllData']);
  expect(entity).not.toHaveProperty('modifyAllData');
});
