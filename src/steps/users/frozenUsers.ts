import { SalesforceUserLogin } from '../../salesforce/objects';
import { FROZEN_USERS_QUERY } from '../earlyReads';
import { OptionalFacts } from './optionalFacts';

/**
 * Who is frozen: `frozen`. UserLogin needs Manage Users, which an
 * integration user that only reads seldom holds.
 */
export const FROZEN_USERS: OptionalFacts<SalesforceUserLogin, boolean> = {
  query: FROZEN_USERS_QUERY,
  permissionToGrant: 'the Manage Users permission',
  property: 'frozen',
  valueOf: (row) => row.IsFrozen === true,
  rowsName: 'frozen logins',
};
