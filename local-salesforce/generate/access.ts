import { SObjectRecord } from '../dataset';
import { makeId } from '../ids';
import { auditFields, GenerationContext } from './context';

/**
 * The security permissions the integration reads (src/salesforce/
 * permissions.ts), written out again: the local org does not import src/.
 */
export const SECURITY_PERMISSION_FIELDS = [
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
].map((name) => `Permissions${name}`);

/** Even System Administrator lacks these until someone grants them. */
const NOT_GRANTED_TO_ADMINS = new Set([
  'PermissionsManageEncryptionKeys',
  'PermissionsViewEncryptedData',
  'PermissionsPasswordNeverExpires',
]);

const PROFILE_NAMES = [
  'System Administrator',
  'Standard User',
  'Read Only',
  'Marketing User',
  'Contract Manager',
  'Solution Manager',
  'Minimum Access - Salesforce',
  'Chatter Free User',
  'Analytics Cloud Integration User',
  'Standard Platform User',
  'Custom: Sales Profile',
  'Custom: Marketing Profile',
  'Custom: Support Profile',
];

const SALESFORCE_LICENSE_ID = makeId('UserLicense', 0);
const CHATTER_FREE_LICENSE_ID = makeId('UserLicense', 1);

type Permissions = Record<string, boolean>;

function profileName(index: number): string {
  return PROFILE_NAMES[index] ?? `Custom: Profile ${index}`;
}

export function createProfiles(
  count: number,
  context: GenerationContext,
): SObjectRecord[] {
  const profiles: SObjectRecord[] = [];
  for (let index = 0; index < count; index++) {
    profiles.push(createProfile(index, context));
  }
  return profiles;
}

function createProfile(
  index: number,
  context: GenerationContext,
): SObjectRecord {
  const name = profileName(index);
  const chatterOnly = name === 'Chatter Free User';
  return {
    Id: makeId('Profile', index),
    Name: name,
    UserLicenseId: chatterOnly
      ? CHATTER_FREE_LICENSE_ID
      : SALESFORCE_LICENSE_ID,
    UserType: chatterOnly ? 'CsnOnly' : 'Standard',
    Description: null,
    ...auditFields(context, 0),
    LastViewedDate: null,
    LastReferencedDate: null,
    ...(index === 0
      ? administratorPermissions()
      : randomPermissions(context, 0.02)),
  };
}

function administratorPermissions(): Permissions {
  return permissions((name) => !NOT_GRANTED_TO_ADMINS.has(name));
}

function randomPermissions(
  context: GenerationContext,
  probability: number,
): Permissions {
  return permissions((name) =>
    name === 'PermissionsApiEnabled'
      ? context.random.chance(0.5)
      : context.random.chance(probability),
  );
}

function permissions(isGranted: (name: string) => boolean): Permissions {
  const result: Permissions = {};
  for (const name of SECURITY_PERMISSION_FIELDS) {
    result[name] = isGranted(name);
  }
  return result;
}

/**
 * Every profile owns one hidden permission set that carries the profile's
 * permissions; Salesforce returns it from PermissionSet queries with
 * IsOwnedByProfile true and assigns it to each user of the profile.
 */
export function createProfilePermissionSet(
  profile: SObjectRecord,
  index: number,
): SObjectRecord {
  return {
    ...permissionSetBase(index),
    Name: `X${profile.Id}`,
    Label: profile.Id,
    LicenseId: profile.UserLicenseId,
    ProfileId: profile.Id,
    IsOwnedByProfile: true,
    IsCustom: false,
    Type: 'Profile',
    ...auditOf(profile),
    ...pickPermissions(profile),
  };
}

/**
 * Permission sets granted on top of profiles; the first holds the broad
 * admin permissions, so every generated org has one to find.
 */
export function createRegularPermissionSet(
  ordinal: number,
  index: number,
  context: GenerationContext,
): SObjectRecord {
  const label = `Access Bundle ${ordinal + 1}`;
  const granted =
    ordinal === 0
      ? administratorPermissions()
      : randomPermissions(context, 0.05);
  return {
    ...permissionSetBase(index),
    Name: label.replace(/ /g, '_'),
    Label: label,
    LicenseId: null,
    ProfileId: null,
    IsOwnedByProfile: false,
    IsCustom: true,
    Type: 'Regular',
    ...auditFields(context, context.random.int(365)),
    ...granted,
  };
}

function permissionSetBase(index: number) {
  return {
    Id: makeId('PermissionSet', index),
    Description: null,
    NamespacePrefix: null,
    HasActivationRequired: false,
    PermissionSetGroupId: null,
  };
}

function auditOf(record: SObjectRecord) {
  return {
    CreatedDate: record.CreatedDate,
    CreatedById: record.CreatedById,
    LastModifiedDate: record.LastModifiedDate,
    LastModifiedById: record.LastModifiedById,
    SystemModstamp: record.SystemModstamp,
  };
}

function pickPermissions(record: SObjectRecord): Permissions {
  return permissions((name) => record[name] === true);
}
