import {
  createMappedRelationship,
  Entity,
  parseTimePropertyValue,
  Relationship,
  RelationshipClass,
  RelationshipDirection,
} from '@jupiterone/integration-sdk-core';
import { EffectiveAccess } from '../../access';
import { Entities, MappedRelationships } from '../../constants';
import { createSalesforceEntity } from '../entity';
import { grantedByProperty } from '../../permissionProperties';
import { SalesforceUser } from '../../salesforce/objects';

/**
 * The domain of an address, dot or not: Salesforce's own system users have
 * addresses such as `autoproc@00d...` whose domain is the org id.
 */
export function emailDomainOf(email: string | null): string[] | undefined {
  const domain = email?.trim().split('@')[1]?.toLowerCase();
  return domain ? [domain] : undefined;
}

/**
 * The J1 data model validates `email` in its strict form, which needs a dot
 * in the domain. Salesforce's system users have addresses such as
 * `autoproc@00d...` that fail it; they keep their `emailDomain` and raw
 * data, and go without an `email` property rather than fail the step.
 */
const DATA_MODEL_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function normalizedEmail(email: string | null): string | undefined {
  const lowered = email?.trim().toLowerCase();
  return lowered && DATA_MODEL_EMAIL.test(lowered) ? lowered : undefined;
}

/**
 * User types of people whose address the org vouches for: Standard, and
 * CsnOnly, the Chatter Free and Chatter External licences (Chatter External
 * users are outsiders, who joined through an invitation sent to their
 * address). AutomatedProcess, CloudIntegrationUser, Guest and the like are
 * the platform's own.
 */
const VOUCHED_PEOPLE_USER_TYPES = new Set(['Standard', 'CsnOnly']);

/**
 * Users of partner and customer portals, Experience Cloud sites and
 * self-service, who can register with an address of their choosing: a
 * link would show an outsider's account as the access of whoever has it.
 */
const EXTERNAL_USER_TYPES = new Set([
  'PowerPartner',
  'PowerCustomerSuccess',
  'CustomerSuccess',
  'CspLitePortal',
  'SelfService',
]);

function isVouchedPerson(user: SalesforceUser): boolean {
  return VOUCHED_PEOPLE_USER_TYPES.has(user.UserType ?? '');
}

function isExternalUser(user: SalesforceUser): boolean {
  return EXTERNAL_USER_TYPES.has(user.UserType ?? '');
}

/**
 * Salesforce's own users, whose profiles the Profile query does not
 * return (seen in a real org: Automated Process and Data.com Clean are
 * AutomatedProcess, Platform Integration User is CloudIntegrationUser).
 * Guests' profiles are returned, and matter.
 */
const HIDDEN_PROFILE_USER_TYPES = new Set([
  'AutomatedProcess',
  'CloudIntegrationUser',
]);

export function hasHiddenProfile(user: SalesforceUser): boolean {
  return HIDDEN_PROFILE_USER_TYPES.has(user.UserType ?? '');
}

/**
 * How a user stands to a J1 Person: the address it is linked by, or why a
 * user who may be a person is not linked (the users step's summary counts
 * those), or undefined for users who are no person.
 */
export type PersonLink = { email: string } | { unlinked: string } | undefined;

/**
 * A user is linked when it is a person whose address the org vouches for,
 * and the address is not a no-reply one (which integration and security
 * users carry). A sandbox copies its users from production with `.invalid`
 * added to every address (a domain that cannot exist), so that it mails no
 * one, and an admin may add it in production to stop a user's mail: either way
 * the person is the one at the address without it.
 */
export function personLink(user: SalesforceUser): PersonLink {
  if (isExternalUser(user)) {
    return {
      unlinked: 'an external user, whose address may be of their own choosing',
    };
  }
  const address = withoutSandboxSuffix(user.Email)?.toLowerCase();
  if (!address || !isVouchedPerson(user) || NO_REPLY.test(address)) {
    return undefined;
  }
  const email = normalizedEmail(address);
  return email
    ? { email }
    : { unlinked: 'an email address the J1 data model rejects' };
}

function withoutSandboxSuffix(email: string | null): string | null {
  return email?.trim().replace(/\.invalid$/i, '') ?? null;
}

/** noreply@, no-reply@, no_reply@, donotreply@, do-not-reply@ and the like. */
const NO_REPLY = /^(no|do[-_.]?not)[-_.]?reply@/;

/**
 * A user who is a person IS the J1 Person with the same email, so that a
 * person's Salesforce access joins what other integrations know of them.
 * The Person is not created when no other source knows it.
 */
export function createUserPersonRelationship(
  user: SalesforceUser,
  email: string,
): Relationship {
  return createMappedRelationship({
    _class: RelationshipClass.IS,
    _type: MappedRelationships.USER_IS_PERSON._type,
    _mapping: {
      relationshipDirection: RelationshipDirection.FORWARD,
      sourceEntityKey: user.Id,
      targetFilterKeys: [['_class', 'email']],
      targetEntity: { _class: 'Person', email },
      skipTargetCreation: true,
    },
  });
}

/** What the user can do, as properties the J1 data model accepts. */
export function accessProperties(access: EffectiveAccess) {
  const properties: Record<string, boolean | string[]> = {
    admin: access.admin,
    privileged: access.privileged,
    privileges: access.permissions,
  };
  for (const permission of access.permissions) {
    properties[grantedByProperty(permission)] =
      access.grantedBy[permission] ?? [];
  }
  return properties;
}

export interface UserAccess {
  access: EffectiveAccess;
  /** Unknown (undefined) when TwoFactorMethodsInfo could not be read. */
  mfaEnabled?: boolean;
  /** Unknown (undefined) when UserLogin could not be read. */
  frozen?: boolean;
}

/** The user properties read from objects the integration user may not see. */
export type OptionalUserProperty = Exclude<keyof UserAccess, 'access'>;

export function createUserEntity(
  user: SalesforceUser,
  instanceUrl: string,
  { access, mfaEnabled, frozen }: UserAccess,
): Entity {
  return createSalesforceEntity(Entities.USER, user, instanceUrl, {
    username: user.Username,
    name: user.Name ?? user.Username,
    displayName: user.Name ?? user.Username,
    firstName: user.FirstName ?? undefined,
    lastName: user.LastName ?? undefined,
    email: normalizedEmail(user.Email),
    emailDomain: emailDomainOf(user.Email),
    shortLoginId: user.Alias ?? undefined,
    active: user.IsActive === true,
    frozen,
    userType: user.UserType,
    profileId: user.ProfileId,
    roleId: user.UserRoleId,
    managerId: user.ManagerId,
    title: user.Title,
    department: user.Department,
    federationIdentifier: user.FederationIdentifier,
    lastLoginOn: parseTimePropertyValue(user.LastLoginDate),
    passwordChangedOn: parseTimePropertyValue(user.LastPasswordChangeDate),
    ...accessProperties(access),
    mfaEnabled,
  });
}
