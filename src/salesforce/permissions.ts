/**
 * System permissions that let a holder read or change data beyond their own
 * records, change who can do what, or take data out of the org. Each name is
 * the suffix of a `Permissions<Name>` field on Profile and PermissionSet.
 * See docs/jupiterone.md for why each one is on the list.
 */
export const SECURITY_PERMISSIONS = [
  'ModifyAllData',
  'ViewAllData',
  'ManageUsers',
  'ManageInternalUsers',
  'AuthorApex',
  'CustomizeApplication',
  'ModifyMetadata',
  'ManageProfilesPermissionsets',
  'AssignPermissionSets',
  'ManageRoles',
  'ManageSharing',
  'ResetPasswords',
  'ManageIpAddresses',
  'ManageAuthProviders',
  'ManageEncryptionKeys',
  'ViewAllUsers',
  'ViewSetup',
  'ApiEnabled',
  'ManageDataIntegrations',
  'ExportReport',
  'DataExport',
  'ViewEncryptedData',
  'ManageTwoFactor',
  'TwoFactorApi',
  'ManagePasswordPolicies',
  'ManageLoginAccessPolicies',
  'ManageSessionPermissionSets',
  'ManageRemoteAccess',
  'ManageCertificates',
  'PasswordNeverExpires',
] as const;

export type SecurityPermission = (typeof SECURITY_PERMISSIONS)[number];

export const SECURITY_PERMISSION_FIELDS = SECURITY_PERMISSIONS.map(
  (permission) => `Permissions${permission}`,
);

export type PermissionFlags = Partial<
  Record<`Permissions${SecurityPermission}`, boolean | null>
>;
