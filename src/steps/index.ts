import { accountSteps } from './account';
import { groupMemberSteps } from './group-members';
import { groupSteps } from './groups';
import { permissionSetAssignmentSteps } from './permission-set-assignments';
import { permissionSetSteps } from './permission-sets';
import { profileSteps } from './profiles';
import { userRoleSteps } from './user-roles';
import { userSteps } from './users';

export const integrationSteps = [
  ...accountSteps,
  ...userRoleSteps,
  ...profileSteps,
  ...permissionSetSteps,
  ...userSteps,
  ...groupSteps,
  ...groupMemberSteps,
  ...permissionSetAssignmentSteps,
];
