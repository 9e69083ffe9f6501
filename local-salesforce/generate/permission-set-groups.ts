import { SObjectRecord } from '../dataset';
import { makeId } from '../ids';
import { auditFields, GenerationContext } from './context';

export interface GeneratedGroups {
  groups: SObjectRecord[];
  /** Each group's aggregate permission set (Type Group), as Salesforce keeps. */
  aggregates: SObjectRecord[];
  mutings: SObjectRecord[];
  components: SObjectRecord[];
}

/**
 * Permission set groups of three regular permission sets each; every other
 * group mutes Modify All Data, and the first group holds the admin
 * permission set, so that muting has something to remove.
 */
export function createPermissionSetGroups(
  count: number,
  regularPermissionSets: SObjectRecord[],
  firstPermissionSetIndex: number,
  context: GenerationContext,
): GeneratedGroups {
  const generated: GeneratedGroups = {
    groups: [],
    aggregates: [],
    mutings: [],
    components: [],
  };
  const component = (groupId: string, permissionSetId: string) =>
    generated.components.push({
      Id: makeId('PermissionSetGroupComponent', generated.components.length),
      PermissionSetGroupId: groupId,
      PermissionSetId: permissionSetId,
    });
  for (let index = 0; index < count; index++) {
    const group = createGroup(index, context);
    generated.groups.push(group);
    const members = (
      index === 0
        ? [0, 1, 2]
        : context.random.distinctInts(3, regularPermissionSets.length)
    ).map((member) => regularPermissionSets[member]);
    members.forEach((member) => component(group.Id, member.Id));
    let muting: SObjectRecord | undefined;
    if (index % 2 === 0) {
      muting = createMuting(generated.mutings.length, group, context);
      generated.mutings.push(muting);
      component(group.Id, muting.Id);
    }
    generated.aggregates.push({
      ...createAggregate(group, firstPermissionSetIndex + index),
      ...aggregatedPermissions(members, muting),
    });
  }
  return generated;
}

/**
 * What Salesforce calculates into an Updated group's aggregate permission
 * set: every permission a member grants, less what the muting set mutes.
 */
function aggregatedPermissions(
  members: SObjectRecord[],
  muting: SObjectRecord | undefined,
): Record<string, boolean> {
  const permissions: Record<string, boolean> = {};
  for (const member of members) {
    for (const [field, value] of Object.entries(member)) {
      if (field.startsWith('Permissions') && value === true) {
        permissions[field] = muting?.[field] !== true;
      }
    }
  }
  return permissions;
}

function createGroup(index: number, context: GenerationContext): SObjectRecord {
  const label = `Access Group ${index + 1}`;
  return {
    Id: makeId('PermissionSetGroup', index),
    DeveloperName: label.replace(/ /g, '_'),
    MasterLabel: label,
    Description: null,
    Status: 'Updated',
    HasActivationRequired: false,
    NamespacePrefix: null,
    ...auditFields(context, context.random.int(365)),
  };
}

function createAggregate(group: SObjectRecord, index: number): SObjectRecord {
  return {
    Id: makeId('PermissionSet', index),
    Name: group.DeveloperName,
    Label: group.MasterLabel,
    Description: null,
    Type: 'Group',
    IsOwnedByProfile: false,
    ProfileId: null,
    IsCustom: true,
    NamespacePrefix: null,
    LicenseId: null,
    HasActivationRequired: false,
    PermissionSetGroupId: group.Id,
    CreatedDate: group.CreatedDate,
    LastModifiedDate: group.LastModifiedDate,
  };
}

function createMuting(
  index: number,
  group: SObjectRecord,
  context: GenerationContext,
): SObjectRecord {
  return {
    Id: makeId('MutingPermissionSet', index),
    DeveloperName: `${group.DeveloperName}_Muting`,
    MasterLabel: `Muted in ${group.MasterLabel}`,
    PermissionsModifyAllData: true,
    ...auditFields(context, context.random.int(365)),
  };
}

/** Every other user has registered methods; a third of those a real factor. */
export function createTwoFactorMethods(
  users: SObjectRecord[],
  context: GenerationContext,
): SObjectRecord[] {
  const rows: SObjectRecord[] = [];
  users.forEach((user, index) => {
    if (index % 2 !== 0) return;
    rows.push({
      Id: makeId('TwoFactorMethodsInfo', rows.length),
      UserId: user.Id,
      HasTotp: context.random.chance(1 / 3),
      HasU2F: false,
      HasSalesforceAuthenticator: false,
      HasSecurityKey: false,
      HasBuiltInAuthenticator: false,
      HasTempCode: false,
      HasUserVerifiedEmailAddress: true,
    });
  });
  return rows;
}
