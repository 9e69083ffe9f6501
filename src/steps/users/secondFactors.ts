import { SalesforceTwoFactorMethodsInfo } from '../../salesforce/objects';
import { SECOND_FACTORS_QUERY } from '../earlyReads';
import { OptionalFacts } from './optionalFacts';

/**
 * A second factor the user can sign in with: an authenticator app, a
 * security key, Salesforce Authenticator or a built-in authenticator. A
 * verified email address or a temporary code is not one.
 */
export function hasSecondFactor(info: SalesforceTwoFactorMethodsInfo): boolean {
  return (
    info.HasTotp === true ||
    info.HasU2F === true ||
    info.HasSalesforceAuthenticator === true ||
    info.HasSecurityKey === true ||
    info.HasBuiltInAuthenticator === true
  );
}

/** Who has a second factor: `mfaEnabled`. */
export const SECOND_FACTORS: OptionalFacts<
  SalesforceTwoFactorMethodsInfo,
  boolean
> = {
  query: SECOND_FACTORS_QUERY,
  permissionToGrant: 'the Manage Multi-Factor Authentication in API permission',
  property: 'mfaEnabled',
  valueOf: hasSecondFactor,
  rowsName: 'second factors',
};
