import {
  RelationshipClass,
  RelationshipDirection,
  StepEntityMetadata,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import {
  grantedByPropertySchema,
  permissionPropertySchema,
} from './permissionProperties';

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
  PERMISSION_SET_GROUPS: {
    id: 'fetch-permission-set-groups',
    name: 'Fetch Permission Set Groups',
  },
  MUTING_PERMISSION_SETS: {
    id: 'fetch-muting-permission-sets',
    name: 'Fetch Muting Permission Sets',
  },
  USER_PERMISSION_SET_GROUP_RELATIONSHIPS: {
    id: 'build-user-permission-set-group-relationships',
    name: 'Build User Permission Set Group Relationships',
  },
};

/**
 * Users are collected after everything that decides what they may do
 * (profiles, permission sets, groups; their assignments and second
 * factors are read with them). A step of this
 * later graph runs once every step of the first has ended, without
 * depending on them: a first-graph step that fails (say, permission set
 * groups the user may not read) marks its own types partial, not the users'.
 */
export const USERS_GRAPH = 'users';

/** Facts one step leaves for a later one in `jobState` data. */
export const DataKeys = {
  /** Profile id → its Grant. */
  PROFILE_GRANTS: 'profile-grants',
  /** Permission set id → its Grant, profile-owned ones aside. */
  PERMISSION_SET_GRANTS: 'permission-set-grants',
  /** Id of a group's aggregate permission set (Type Group) → the group's id. */
  AGGREGATE_PERMISSION_SETS: 'aggregate-permission-sets',
  /** Muting permission set id → the PermissionMask it mutes. */
  MUTED_PERMISSIONS: 'muted-permissions',
  /** Permission set group id → its Grant, for the groups in the graph. */
  PERMISSION_SET_GROUP_GRANTS: 'permission-set-group-grants',
  /** Every assignment of a permission set group (GroupAssignment[]). */
  GROUP_ASSIGNMENTS: 'group-assignments',
  /**
   * When the users step judged which assignments are in force (ms since
   * the epoch): the group assignments' relationships say the same.
   */
  ASSIGNMENTS_JUDGED_AT: 'assignments-judged-at',
  /** Ids of the users left out because their privileges are unknown. */
  WITHHELD_USERS: 'withheld-user-ids',
  /** Set once the users step has read every user (true). */
  USERS_READ: 'users-read',
  /** Set once every role is in the graph (true). */
  USER_ROLES_COLLECTED: 'user-roles-collected',
  /** Set once every group is in the graph (true). */
  GROUPS_COLLECTED: 'groups-collected',
};

const timestamp = { type: 'number', format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;

type EntityName =
  | 'ACCOUNT'
  | 'USER'
  | 'USER_ROLE'
  | 'PROFILE'
  | 'PERMISSION_SET'
  | 'PERMISSION_SET_GROUP'
  | 'MUTING_PERMISSION_SET'
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
        country: nullableString,
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
        firstName: { type: 'string' },
        lastName: { type: 'string' },
        email: { type: 'string' },
        emailDomain: { type: 'array', items: { type: 'string' } },
        shortLoginId: { type: 'string' },
        active: { type: 'boolean' },
        frozen: { type: 'boolean' },
        userType: nullableString,
        profileId: nullableString,
        roleId: nullableString,
        managerId: nullableString,
        title: nullableString,
        department: nullableString,
        federationIdentifier: nullableString,
        lastLoginOn: timestamp,
        passwordChangedOn: timestamp,
        admin: { type: 'boolean' },
        privileged: { type: 'boolean' },
        privileges: { type: 'array', items: { type: 'string' } },
        mfaEnabled: { type: 'boolean' },
        ...grantedByPropertySchema,
      },
      required: ['username', 'active', 'admin', 'privileged', 'privileges'],
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
        rollupDescription: nullableString,
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
        description: { type: 'string' },
        type: nullableString,
        ownedByProfile: { type: 'boolean' },
        profileId: nullableString,
        custom: { type: 'boolean' },
        namespacePrefix: nullableString,
        licenseId: nullableString,
        activationRequired: { type: 'boolean' },
        permissionSetGroupId: nullableString,
        ...permissionPropertySchema,
      },
      required: ['ownedByProfile'],
    },
  },
  PERMISSION_SET_GROUP: {
    resourceName: 'Permission Set Group',
    _type: 'salesforce_permission_set_group',
    _class: ['AccessPolicy'],
    schema: {
      properties: {
        developerName: { type: 'string' },
        description: { type: 'string' },
        status: nullableString,
        activationRequired: { type: 'boolean' },
        namespacePrefix: nullableString,
        ...permissionPropertySchema,
      },
      required: ['developerName'],
    },
  },
  MUTING_PERMISSION_SET: {
    resourceName: 'Muting Permission Set',
    _type: 'salesforce_muting_permission_set',
    _class: ['AccessPolicy'],
    schema: {
      properties: {
        developerName: { type: 'string' },
        mutedPermissions: { type: 'array', items: { type: 'string' } },
      },
      required: ['developerName'],
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
        email: { type: 'string' },
        includesBosses: { type: 'boolean' },
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
  ACCOUNT_HAS_PERMISSION_SET_GROUP: relationship(
    'ACCOUNT',
    RelationshipClass.HAS,
    'PERMISSION_SET_GROUP',
  ),
  PERMISSION_SET_GROUP_HAS_PERMISSION_SET: relationship(
    'PERMISSION_SET_GROUP',
    RelationshipClass.HAS,
    'PERMISSION_SET',
  ),
  PERMISSION_SET_GROUP_HAS_MUTING_PERMISSION_SET: relationship(
    'PERMISSION_SET_GROUP',
    RelationshipClass.HAS,
    'MUTING_PERMISSION_SET',
  ),
  USER_ASSIGNED_PERMISSION_SET_GROUP: relationship(
    'USER',
    RelationshipClass.ASSIGNED,
    'PERMISSION_SET_GROUP',
  ),
};

/** A human user IS the J1 Person with the same email. */
export const MappedRelationships = {
  USER_IS_PERSON: {
    _type: 'salesforce_user_is_person',
    sourceType: Entities.USER._type,
    _class: RelationshipClass.IS,
    targetType: 'Person',
    direction: RelationshipDirection.FORWARD,
  },
};
