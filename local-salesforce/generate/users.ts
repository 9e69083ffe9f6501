import { SObjectRecord } from '../dataset';
import { makeId } from '../ids';
import { GenerationContext, ORG_AGE_DAYS } from './context';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, TITLES } from './names';

interface UserDetails {
  FirstName: string | null;
  LastName: string;
  Username: string;
  Email: string;
  Alias: string;
  UserType: string;
  ProfileId: string;
  UserRoleId: string | null;
  ManagerId: string | null;
  IsActive: boolean;
  Title: string | null;
  Department: string | null;
  FederationIdentifier: string | null;
  createdDay: number;
  lastLoginDay: number | null;
}

/**
 * The integration and automation users every org is created with. Their
 * user names and emails carry the org id as a domain without a dot, which
 * trips naive email parsing.
 */
const SYSTEM_USERS = [
  {
    FirstName: 'Automated',
    LastName: 'Process',
    UserType: 'AutomatedProcess',
    login: 'autoproc',
    mailbox: 'autoproc',
    profile: 'Minimum Access - Salesforce',
  },
  {
    FirstName: null,
    LastName: 'Platform Integration User',
    UserType: 'CloudIntegrationUser',
    login: 'cloud',
    mailbox: 'noreply',
    profile: 'Analytics Cloud Integration User',
  },
  {
    FirstName: null,
    LastName: 'Data.com Clean',
    UserType: 'AutomatedProcess',
    login: 'automatedclean',
    mailbox: 'automatedclean',
    profile: 'Minimum Access - Salesforce',
  },
  {
    FirstName: null,
    LastName: 'Chatter Expert',
    UserType: 'CsnOnly',
    login: 'chatty',
    mailbox: 'noreply',
    profile: 'Chatter Free User',
  },
];

export interface GeneratedUsers {
  users: SObjectRecord[];
  /** Index into the profiles of each user's profile, by user index. */
  profileIndexes: Int32Array;
}

/**
 * User 0 is the administrator who created the org; the system users come
 * next; everyone else is a standard user with a random profile, usually a
 * role and often a manager.
 */
export function createUsers(
  count: number,
  roles: SObjectRecord[],
  profiles: SObjectRecord[],
  context: GenerationContext,
): GeneratedUsers {
  const users: SObjectRecord[] = [];
  const profileIndexes = new Int32Array(count);
  const systemUserCount = Math.max(0, Math.min(SYSTEM_USERS.length, count - 1));
  for (let index = 0; index < count; index++) {
    const isSystemUser = index >= 1 && index <= systemUserCount;
    profileIndexes[index] = isSystemUser
      ? systemProfileIndex(SYSTEM_USERS[index - 1].profile, profiles)
      : standardProfileIndex(index, profiles, context);
    const profileId = profiles[profileIndexes[index]].Id;
    const details = isSystemUser
      ? systemUser(index, profileId, context)
      : standardUser(index, profileId, roles, context);
    users.push(userRecord(index, details, context));
  }
  return { users, profileIndexes };
}

function systemProfileIndex(name: string, profiles: SObjectRecord[]): number {
  return Math.max(
    0,
    profiles.findIndex((profile) => profile.Name === name),
  );
}

function standardProfileIndex(
  index: number,
  profiles: SObjectRecord[],
  context: GenerationContext,
): number {
  if (index === 0 || profiles.length === 1) {
    return 0;
  }
  const candidate = context.random.chance(0.6)
    ? 1
    : 1 + context.random.int(profiles.length - 1);
  return profiles[candidate].UserType === 'Standard' ? candidate : 1;
}

function systemUser(
  index: number,
  profileId: string,
  context: GenerationContext,
): UserDetails {
  const template = SYSTEM_USERS[index - 1];
  const orgDomain = context.orgId.toLowerCase();
  const chatter = template.UserType === 'CsnOnly';
  return {
    FirstName: template.FirstName,
    LastName: template.LastName,
    Username: chatter
      ? `chatty.${orgDomain}@chatter.salesforce.com`
      : `${template.login}@${orgDomain}`,
    Email: chatter
      ? 'noreply@chatter.salesforce.com'
      : `${template.mailbox}@${orgDomain}`,
    Alias: template.login.slice(0, 8),
    UserType: template.UserType,
    ProfileId: profileId,
    UserRoleId: null,
    ManagerId: null,
    IsActive: true,
    Title: null,
    Department: null,
    FederationIdentifier: null,
    createdDay: 0,
    lastLoginDay: null,
  };
}

function standardUser(
  index: number,
  profileId: string,
  roles: SObjectRecord[],
  context: GenerationContext,
): UserDetails {
  const { random } = context;
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const email = `${asciiLogin(firstName)}.${asciiLogin(
    lastName,
  )}${index}@example.com`;
  const isAdmin = index === 0;
  const isActive = isAdmin || !random.chance(0.05);
  const createdDay = isAdmin ? 0 : random.int(ORG_AGE_DAYS);
  return {
    FirstName: firstName,
    LastName: lastName,
    Username: email,
    Email: email,
    Alias: `${firstName[0]}${lastName}`.slice(0, 8),
    UserType: 'Standard',
    ProfileId: profileId,
    UserRoleId: roleOf(isAdmin, roles, context),
    ManagerId:
      isAdmin || !random.chance(0.7) ? null : managerOf(index, context),
    IsActive: isActive,
    Title: random.pick(TITLES),
    Department: random.pick(DEPARTMENTS),
    FederationIdentifier: random.chance(0.3) ? email : null,
    createdDay,
    lastLoginDay: isActive
      ? Math.max(createdDay, ORG_AGE_DAYS - random.int(60))
      : null,
  };
}

function asciiLogin(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function roleOf(
  isAdmin: boolean,
  roles: SObjectRecord[],
  context: GenerationContext,
): string | null {
  if (roles.length === 0 || (!isAdmin && context.random.chance(0.15))) {
    return null;
  }
  return isAdmin ? roles[0].Id : context.random.pick(roles).Id;
}

/** A user created earlier; system users manage no one. */
function managerOf(index: number, context: GenerationContext): string {
  const managerIndex = context.random.int(index);
  const isSystemUser = managerIndex >= 1 && managerIndex <= SYSTEM_USERS.length;
  return makeId('User', isSystemUser ? 0 : managerIndex);
}

function userRecord(
  index: number,
  details: UserDetails,
  context: GenerationContext,
): SObjectRecord {
  const created = context.stamp(details.createdDay);
  return {
    Id: makeId('User', index),
    Username: details.Username,
    LastName: details.LastName,
    FirstName: details.FirstName,
    Name: [details.FirstName, details.LastName].filter(Boolean).join(' '),
    CompanyName: 'Example Co',
    Division: null,
    Department: details.Department,
    Title: details.Title,
    Country: 'AR',
    Email: details.Email,
    Alias: details.Alias,
    CommunityNickname: `User${index}`,
    IsActive: details.IsActive,
    TimeZoneSidKey: 'America/Argentina/Buenos_Aires',
    UserRoleId: details.UserRoleId,
    LocaleSidKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    ProfileId: details.ProfileId,
    UserType: details.UserType,
    LanguageLocaleKey: 'en_US',
    EmployeeNumber: null,
    DelegatedApproverId: null,
    ManagerId: details.ManagerId,
    LastLoginDate:
      details.lastLoginDay === null
        ? null
        : context.stamp(details.lastLoginDay),
    LastPasswordChangeDate: created,
    CreatedDate: created,
    CreatedById: context.adminId,
    LastModifiedDate: created,
    LastModifiedById: context.adminId,
    SystemModstamp: created,
    NumberOfFailedLogins: 0,
    ContactId: null,
    AccountId: null,
    CallCenterId: null,
    FederationIdentifier: details.FederationIdentifier,
    IndividualId: null,
  };
}

/** Every user has a login; one in a hundred, from the 51st, is frozen. */
export function createUserLogins(
  users: SObjectRecord[],
  context: GenerationContext,
): SObjectRecord[] {
  return users.map((user, index) => ({
    Id: makeId('UserLogin', index),
    UserId: user.Id,
    IsFrozen: index % 100 === 50,
    IsPasswordLocked: false,
    LastModifiedDate: context.stamp(ORG_AGE_DAYS),
    LastModifiedById: context.adminId,
  }));
}
