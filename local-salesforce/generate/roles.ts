import { SObjectRecord } from '../dataset';
import { makeId } from '../ids';
import { auditFields, GenerationContext } from './context';

const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Customer Support',
  'Engineering',
  'Finance',
  'Operations',
  'Human Resources',
  'Legal',
];
const LEVELS = ['VP', 'Director', 'Manager', 'Team'];

/**
 * A role hierarchy under one root: each role reports to a role created
 * before it, so the tree has no cycles and a realistic, shallow depth.
 */
export function createRoles(
  count: number,
  context: GenerationContext,
): SObjectRecord[] {
  const roles: SObjectRecord[] = [];
  for (let index = 0; index < count; index++) {
    const parent = index === 0 ? null : roles[context.random.int(index)];
    roles.push(createRole(index, parent?.Id ?? null, context));
  }
  return roles;
}

function createRole(
  index: number,
  parentRoleId: string | null,
  context: GenerationContext,
): SObjectRecord {
  const name = roleName(index);
  const audit = auditFields(context, context.random.int(30));
  return {
    Id: makeId('UserRole', index),
    Name: name,
    ParentRoleId: parentRoleId,
    RollupDescription: name,
    OpportunityAccessForAccountOwner: context.random.pick(['Edit', 'Read']),
    CaseAccessForAccountOwner: 'Edit',
    ContactAccessForAccountOwner: 'Edit',
    ForecastUserId: null,
    MayForecastManagerShare: false,
    LastModifiedDate: audit.LastModifiedDate,
    LastModifiedById: audit.LastModifiedById,
    SystemModstamp: audit.SystemModstamp,
    DeveloperName: toDeveloperName(name),
    PortalAccountId: null,
    PortalType: 'None',
    PortalAccountOwnerId: null,
  };
}

function roleName(index: number): string {
  if (index === 0) {
    return 'CEO';
  }
  const department = DEPARTMENTS[index % DEPARTMENTS.length];
  const level = LEVELS[Math.floor(index / DEPARTMENTS.length) % LEVELS.length];
  return `${department} ${level} ${index}`;
}

/** API names allow letters, digits and single underscores only. */
export function toDeveloperName(label: string): string {
  return label.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
}
