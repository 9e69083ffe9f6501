import { SObjectRecord } from '../dataset';
import { makeId } from '../ids';
import { auditFields, GenerationContext } from './context';
import { toDeveloperName } from './roles';

const TEAMS = ['Sales', 'Support', 'Engineering', 'Finance', 'Legal', 'Ops'];
const KINDS = ['Team', 'Approvers', 'Escalations', 'Reviewers'];

/**
 * Salesforce keeps two groups per role, for sharing with the role alone
 * and with the role and its subordinates. Like the org-wide group they
 * have no Name, only a DeveloperName and, for roles, the role's id in
 * RelatedId.
 */
export function createRoleGroups(
  roles: SObjectRecord[],
  context: GenerationContext,
): SObjectRecord[] {
  const groups: SObjectRecord[] = [];
  for (const role of roles) {
    for (const type of ['Role', 'RoleAndSubordinates']) {
      groups.push(
        groupRecord(groups.length, context, {
          Name: null,
          DeveloperName: role.DeveloperName as string,
          RelatedId: role.Id,
          Type: type,
        }),
      );
    }
  }
  return groups;
}

export function createOrganizationGroup(
  index: number,
  context: GenerationContext,
): SObjectRecord {
  return groupRecord(index, context, {
    Name: null,
    DeveloperName: 'AllInternalUsers',
    RelatedId: null,
    Type: 'Organization',
  });
}

/** Public groups, named by people; `firstIndex` continues the Group ids. */
export function createRegularGroups(
  count: number,
  firstIndex: number,
  context: GenerationContext,
): SObjectRecord[] {
  const groups: SObjectRecord[] = [];
  for (let ordinal = 0; ordinal < count; ordinal++) {
    const name = `${TEAMS[ordinal % TEAMS.length]} ${
      KINDS[Math.floor(ordinal / TEAMS.length) % KINDS.length]
    } ${ordinal + 1}`;
    groups.push(
      groupRecord(firstIndex + ordinal, context, {
        Name: name,
        DeveloperName: toDeveloperName(name),
        RelatedId: null,
        Type: 'Regular',
      }),
    );
  }
  return groups;
}

interface GroupIdentity {
  Name: string | null;
  DeveloperName: string;
  RelatedId: string | null;
  Type: string;
}

function groupRecord(
  index: number,
  context: GenerationContext,
  identity: GroupIdentity,
): SObjectRecord {
  return {
    Id: makeId('Group', index),
    ...identity,
    Email: null,
    OwnerId: context.orgId,
    DoesSendEmailToMembers: false,
    DoesIncludeBosses: true,
    ...auditFields(context, context.random.int(365)),
  };
}

/**
 * Members of each public group: mostly users, and a few public groups
 * created before it, so nesting never forms a cycle. No pair repeats.
 */
export function createGroupMembers(
  regularGroups: SObjectRecord[],
  users: SObjectRecord[],
  membersPerGroup: number,
  context: GenerationContext,
): SObjectRecord[] {
  const members: SObjectRecord[] = [];
  const { random } = context;
  regularGroups.forEach((group, ordinal) => {
    const nested = Math.min(ordinal, random.int(membersPerGroup / 4 + 1));
    const userCount = Math.min(users.length, membersPerGroup - nested);
    const memberIds = [
      ...random.distinctInts(userCount, users.length).map((i) => users[i].Id),
      ...random.distinctInts(nested, ordinal).map((i) => regularGroups[i].Id),
    ];
    for (const memberId of memberIds) {
      members.push({
        Id: makeId('GroupMember', members.length),
        GroupId: group.Id,
        UserOrGroupId: memberId,
        SystemModstamp: group.CreatedDate,
      });
    }
  });
  return members;
}
