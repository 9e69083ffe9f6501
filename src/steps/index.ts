import { accountSteps } from './account';
import { groupMemberSteps } from './group-members';
import { groupSteps } from './groups';
import { mutingPermissionSetSteps } from './muting-permission-sets';
import { permissionSetGroupSteps } from './permission-set-groups';
import { permissionSetSteps } from './permission-sets';
import { profileSteps } from './profiles';
import { userPermissionSetGroupRelationshipSteps } from './user-permission-set-group-relationships';
import { userRoleSteps } from './user-roles';
import { userSteps } from './users';

export const integrationSteps = [
  ...accountSteps,
  ...userRoleSteps,
  ...profileSteps,
  ...permissionSetSteps,
  ...permissionSetGroupSteps,
  ...mutingPermissionSetSteps,
  ...groupSteps,
  ...userSteps,
  ...userPermissionSetGroupRelationshipSteps,
  ...groupMemberSteps,
];
