import {
  RelationshipClass,
  StepEntityMetadata,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import { permissionPropertySchema } from './permissionProperties';

export const Steps = {
  ACCOUNT: { id: 'fetch-account', name: 'Fetch Account' },
  USER_ROLES: { id: 'fetch-user-roles', name: 'Fetch User Roles' },
  PROFILES: { id: 'fetch-profiles', name: 'Fetch Profiles' },
  PERMISSION_SETS: {
    id: 'fetch-permission-sets',
    name: 'Fetch Permission Sets',
  },
  USERS: { id: 'fetch-users', name: 'Fetch Users' },
  GROUPS: { id: 'fetch-groups', name: 'Fetch Groups' },
  GROUP_MEMBERS: { id: 'fetch-group-members', name: 'Fetch Group Members' },
  PERMISSION_SET_ASSIGNMENTS: {
    id: 'fetch-permission-set-assignments',
    name: 'Fetch Permission Set Assignments',
  },
};

/** Facts one step leaves for a later one in `jobState` data. */
export const DataKeys = {
  /** Ids of the permission sets that belong to a profile (string[]). */
  PROFILE_OWNED_PERMISSION_SETS: 'profile-owned-permission-set-ids',
};

const timestamp = { type: 'number', format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;

type EntityName =
  | 'ACCOUNT'
  | 'USER'
  | 'USER_ROLE'
  | 'PROFILE'
  | 'PERMISSION_SET'
  | 'GROUP';

export const Entities: Record<EntityName, StepEntityMetadata> = {
  ACCOUNT: {
    resourceName: 'Account',
    _type: 'salesforce_account',
    _class: ['Account'],
    schema: {
      properties: {
        organizationType: nullableString,
        instanceName: nullableString,
        sandbox: { type: 'boolean' },
      },
      required: ['sandbox'],
    },
  },
  USER: {
    resourceName: 'User',
    _type: 'salesforce_user',
    _class: ['User'],
    schema: {
      properties: {
        username: { type: 'string' },
        email: { type: 'string' },
        active: { type: 'boolean' },
        userType: nullableString,
        profileId: nullableString,
        roleId: nullableString,
        managerId: nullableString,
        lastLoginOn: timestamp,
        passwordChangedOn: timestamp,
      },
      required: ['username', 'active'],
    },
  },
  USER_ROLE: {
    resourceName: 'User Role',
    _type: 'salesforce_user_role',
    _class: ['AccessRole'],
    schema: {
      properties: {
        developerName: nullableString,
        parentRoleId: nullableString,
        portalType: nullableString,
      },
      required: [],
    },
  },
  PROFILE: {
    resourceName: 'Profile',
    _type: 'salesforce_profile',
    _class: ['AccessPolicy'],
    schema: {
      properties: {
        userType: nullableString,
        userLicenseId: nullableString,
        ...permissionPropertySchema,
      },
      required: [],
    },
  },
  PERMISSION_SET: {
    resourceName: 'Permission Set',
    _type: 'salesforce_permission_set',
    _class: ['AccessPolicy'],
    schema: {
      properties: {
        label: nullableString,
        type: nullableString,
        ownedByProfile: { type: 'boolean' },
        profileId: nullableString,
        custom: { type: 'boolean' },
        ...permissionPropertySchema,
      },
      required: ['ownedByProfile'],
    },
  },
  GROUP: {
    resourceName: 'Group',
    _type: 'salesforce_group',
    _class: ['Group'],
    schema: {
      properties: {
        type: { type: 'string' },
        developerName: nullableString,
        relatedId: nullableString,
      },
      required: ['type'],
    },
  },
};

/**
 * `salesforce_<from>_<class>_<to>`, the form the public Salesforce
 * integration used (`salesforce_user_role_contains_user_role`), which the
 * SDK's generator would shorten to `..._contains_role`.
 */
function relationship(
  from: EntityName,
  _class: RelationshipClass,
  to: EntityName,
): StepRelationshipMetadata {
  const sourceType = Entities[from]._type;
  const targetType = Entities[to]._type;
  const verb = _class.toLowerCase();
  return {
    _type: `${sourceType}_${verb}_${targetType.replace(/^salesforce_/, '')}`,
    sourceType,
    _class,
    targetType,
  };
}

export const Relationships = {
  ACCOUNT_HAS_USER: relationship('ACCOUNT', RelationshipClass.HAS, 'USER'),
  ACCOUNT_HAS_USER_ROLE: relationship(
    'ACCOUNT',
    RelationshipClass.HAS,
    'USER_ROLE',
  ),
  ACCOUNT_HAS_PROFILE: relationship(
    'ACCOUNT',
    RelationshipClass.HAS,
    'PROFILE',
  ),
  ACCOUNT_HAS_PERMISSION_SET: relationship(
    'ACCOUNT',
    RelationshipClass.HAS,
    'PERMISSION_SET',
  ),
  ACCOUNT_HAS_GROUP: relationship('ACCOUNT', RelationshipClass.HAS, 'GROUP'),
  USER_ASSIGNED_USER_ROLE: relationship(
    'USER',
    RelationshipClass.ASSIGNED,
    'USER_ROLE',
  ),
  USER_HAS_PROFILE: relationship('USER', RelationshipClass.HAS, 'PROFILE'),
  USER_ASSIGNED_PERMISSION_SET: relationship(
    'USER',
    RelationshipClass.ASSIGNED,
    'PERMISSION_SET',
  ),
  PROFILE_HAS_PERMISSION_SET: relationship(
    'PROFILE',
    RelationshipClass.HAS,
    'PERMISSION_SET',
  ),
  GROUP_HAS_USER: relationship('GROUP', RelationshipClass.HAS, 'USER'),
  GROUP_HAS_GROUP: relationship('GROUP', RelationshipClass.HAS, 'GROUP'),
  GROUP_ASSIGNED_USER_ROLE: relationship(
    'GROUP',
    RelationshipClass.ASSIGNED,
    'USER_ROLE',
  ),
  USER_ROLE_CONTAINS_USER_ROLE: relationship(
    'USER_ROLE',
    RelationshipClass.CONTAINS,
    'USER_ROLE',
  ),
};
