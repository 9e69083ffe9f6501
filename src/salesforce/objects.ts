import { PermissionFlags, SECURITY_PERMISSION_FIELDS } from './permissions';

/**
 * The records the integration reads and the fields it selects from each.
 * Field lists are explicit (no describe calls, no FIELDS(ALL)): they keep
 * pages small and personal details the graph does not need out of it.
 */

export interface SalesforceOrganization {
  Id: string;
  Name: string;
  OrganizationType: string | null;
  InstanceName: string | null;
  IsSandbox: boolean | null;
  Country: string | null;
  CreatedDate: string | null;
  LastModifiedDate: string | null;
}

export const ORGANIZATION_FIELDS = [
  'Id',
  'Name',
  'OrganizationType',
  'InstanceName',
  'IsSandbox',
  'Country',
  'CreatedDate',
  'LastModifiedDate',
];

export interface SalesforceUser {
  Id: string;
  Username: string;
  Name: string | null;
  FirstName: string | null;
  LastName: string | null;
  Email: string | null;
  Alias: string | null;
  IsActive: boolean;
  UserType: string | null;
  ProfileId: string | null;
  UserRoleId: string | null;
  ManagerId: string | null;
  Title: string | null;
  Department: string | null;
  FederationIdentifier: string | null;
  LastLoginDate: string | null;
  LastPasswordChangeDate: string | null;
  CreatedDate: string | null;
  LastModifiedDate: string | null;
}

export const USER_FIELDS = [
  'Id',
  'Username',
  'Name',
  'FirstName',
  'LastName',
  'Email',
  'Alias',
  'IsActive',
  'UserType',
  'ProfileId',
  'UserRoleId',
  'ManagerId',
  'Title',
  'Department',
  'FederationIdentifier',
  'LastLoginDate',
  'LastPasswordChangeDate',
  'CreatedDate',
  'LastModifiedDate',
];

export interface SalesforceUserRole {
  Id: string;
  Name: string;
  DeveloperName: string | null;
  ParentRoleId: string | null;
  PortalType: string | null;
  RollupDescription: string | null;
  LastModifiedDate: string | null;
}

export const USER_ROLE_FIELDS = [
  'Id',
  'Name',
  'DeveloperName',
  'ParentRoleId',
  'PortalType',
  'RollupDescription',
  'LastModifiedDate',
];

export interface SalesforceProfile extends PermissionFlags {
  Id: string;
  Name: string;
  Description: string | null;
  UserType: string | null;
  UserLicenseId: string | null;
  CreatedDate: string | null;
  LastModifiedDate: string | null;
}

export const PROFILE_FIELDS = [
  'Id',
  'Name',
  'Description',
  'UserType',
  'UserLicenseId',
  'CreatedDate',
  'LastModifiedDate',
  ...SECURITY_PERMISSION_FIELDS,
];

export interface SalesforcePermissionSet extends PermissionFlags {
  Id: string;
  Name: string;
  Label: string | null;
  Description: string | null;
  Type: string | null;
  IsOwnedByProfile: boolean;
  ProfileId: string | null;
  IsCustom: boolean | null;
  NamespacePrefix: string | null;
  LicenseId: string | null;
  HasActivationRequired: boolean | null;
  PermissionSetGroupId: string | null;
  CreatedDate: string | null;
  LastModifiedDate: string | null;
}

export const PERMISSION_SET_FIELDS = [
  'Id',
  'Name',
  'Label',
  'Description',
  'Type',
  'IsOwnedByProfile',
  'ProfileId',
  'IsCustom',
  'NamespacePrefix',
  'LicenseId',
  'HasActivationRequired',
  'PermissionSetGroupId',
  'CreatedDate',
  'LastModifiedDate',
  ...SECURITY_PERMISSION_FIELDS,
];

export interface SalesforcePermissionSetAssignment {
  Id: string;
  AssigneeId: string;
  PermissionSetId: string;
  PermissionSetGroupId: string | null;
  ExpirationDate: string | null;
  IsActive: boolean | null;
}

export const PERMISSION_SET_ASSIGNMENT_FIELDS = [
  'Id',
  'AssigneeId',
  'PermissionSetId',
  'PermissionSetGroupId',
  'ExpirationDate',
  'IsActive',
];

export interface SalesforcePermissionSetGroup {
  Id: string;
  DeveloperName: string;
  MasterLabel: string | null;
  Description: string | null;
  Status: string | null;
  HasActivationRequired: boolean | null;
  NamespacePrefix: string | null;
  CreatedDate: string | null;
  LastModifiedDate: string | null;
}

export const PERMISSION_SET_GROUP_FIELDS = [
  'Id',
  'DeveloperName',
  'MasterLabel',
  'Description',
  'Status',
  'HasActivationRequired',
  'NamespacePrefix',
  'CreatedDate',
  'LastModifiedDate',
];

/** What a permission set group mutes: a true flag removes the permission. */
export interface SalesforceMutingPermissionSet extends PermissionFlags {
  Id: string;
  DeveloperName: string;
  MasterLabel: string | null;
  CreatedDate: string | null;
  LastModifiedDate: string | null;
}

export const MUTING_PERMISSION_SET_FIELDS = [
  'Id',
  'DeveloperName',
  'MasterLabel',
  'CreatedDate',
  'LastModifiedDate',
  ...SECURITY_PERMISSION_FIELDS,
];

/** PermissionSetId is a permission set or the group's muting permission set. */
export interface SalesforcePermissionSetGroupComponent {
  Id: string;
  PermissionSetGroupId: string;
  PermissionSetId: string | null;
}

export const PERMISSION_SET_GROUP_COMPONENT_FIELDS = [
  'Id',
  'PermissionSetGroupId',
  'PermissionSetId',
];

export interface SalesforceTwoFactorMethodsInfo {
  Id: string;
  UserId: string;
  HasTotp: boolean | null;
  HasU2F: boolean | null;
  HasSalesforceAuthenticator: boolean | null;
  HasSecurityKey: boolean | null;
  HasBuiltInAuthenticator: boolean | null;
}

export const TWO_FACTOR_METHODS_INFO_FIELDS = [
  'Id',
  'UserId',
  'HasTotp',
  'HasU2F',
  'HasSalesforceAuthenticator',
  'HasSecurityKey',
  'HasBuiltInAuthenticator',
];

/** Only frozen users' rows are read (see FROZEN_USERS_QUERY). */
export interface SalesforceUserLogin {
  Id: string;
  UserId: string;
  IsFrozen: boolean;
}

export const USER_LOGIN_FIELDS = ['Id', 'UserId', 'IsFrozen'];

export interface SalesforceGroup {
  Id: string;
  Name: string | null;
  DeveloperName: string | null;
  Type: string;
  RelatedId: string | null;
  Email: string | null;
  DoesIncludeBosses: boolean | null;
  CreatedDate: string | null;
  LastModifiedDate: string | null;
}

export const GROUP_FIELDS = [
  'Id',
  'Name',
  'DeveloperName',
  'Type',
  'RelatedId',
  'Email',
  'DoesIncludeBosses',
  'CreatedDate',
  'LastModifiedDate',
];

export interface SalesforceGroupMember {
  Id: string;
  GroupId: string;
  UserOrGroupId: string;
}

export const GROUP_MEMBER_FIELDS = ['Id', 'GroupId', 'UserOrGroupId'];

/**
 * Fields a query goes on without when Salesforce answers that the
 * integration user has no such column (INVALID_FIELD): the permissions an
 * org's edition, licences or features lack, and the User fields
 * field-level security can hide. A permission the org lacks is granted
 * by no one and reads as false; a User field is left unset. Any other
 * missing field fails the query.
 */
export const OPTIONAL_FIELDS: Record<string, readonly string[]> = {
  Profile: SECURITY_PERMISSION_FIELDS,
  PermissionSet: SECURITY_PERMISSION_FIELDS,
  MutingPermissionSet: SECURITY_PERMISSION_FIELDS,
  User: [
    'FirstName',
    'Title',
    'Department',
    'FederationIdentifier',
    'ManagerId',
  ],
};
