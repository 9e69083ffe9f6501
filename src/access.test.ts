import {
  effectiveAccess,
  groupMask,
  isAdmin,
  isExpired,
  isPrivileged,
  permissionMask,
  permissionsIn,
} from './access';

const MODIFY_ALL_DATA = permissionMask({ PermissionsModifyAllData: true });
const VIEW_ALL_DATA = permissionMask({ PermissionsViewAllData: true });
const API_ENABLED = permissionMask({ PermissionsApiEnabled: true });

test('a mask holds exactly the flags that are true', () => {
  const mask = permissionMask({
    PermissionsModifyAllData: true,
    PermissionsViewAllData: false,
    PermissionsExportReport: true,
    PermissionsManageUsers: null,
  });
  expect(permissionsIn(mask)).toEqual(['ModifyAllData', 'ExportReport']);
});

test('a group grants its permission sets, less what it mutes', () => {
  const mask = groupMask([MODIFY_ALL_DATA, VIEW_ALL_DATA], MODIFY_ALL_DATA);
  expect(permissionsIn(mask)).toEqual(['ViewAllData']);
});

test('each permission held names every grant that gives it', () => {
  const access = effectiveAccess([
    { path: 'Profile: Standard User', mask: API_ENABLED },
    { path: 'Permission Set: Data Admin', mask: MODIFY_ALL_DATA | API_ENABLED },
  ]);
  expect(access).toEqual({
    permissions: ['ModifyAllData', 'ApiEnabled'],
    grantedBy: {
      ModifyAllData: ['Permission Set: Data Admin'],
      ApiEnabled: ['Profile: Standard User', 'Permission Set: Data Admin'],
    },
    admin: true,
    privileged: true,
  });
});

test.each([
  [['ModifyAllData'], true],
  [['ManageUsers', 'CustomizeApplication'], true],
  [['ManageUsers'], false],
  [['ViewAllData', 'AuthorApex'], false],
] as const)('isAdmin(%j) is %s', (permissions, admin) => {
  expect(isAdmin([...permissions])).toBe(admin);
});

test.each([
  [['ApiEnabled', 'ViewSetup', 'ExportReport'], false],
  [['ApiEnabled', 'ViewAllData'], true],
  [[], false],
] as const)('isPrivileged(%j) is %s', (permissions, privileged) => {
  expect(isPrivileged([...permissions])).toBe(privileged);
});

test('an assignment expires at its expiration date', () => {
  const now = Date.parse('2026-12-04T00:00:00Z');
  const assignment = { targetId: '0PS', group: false, active: true };
  expect(isExpired(assignment, now)).toBe(false);
  expect(isExpired({ ...assignment, expiresOn: now }, now)).toBe(true);
  expect(isExpired({ ...assignment, expiresOn: now + 1 }, now)).toBe(false);
});
