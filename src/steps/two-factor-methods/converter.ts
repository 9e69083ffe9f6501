import { SalesforceTwoFactorMethodsInfo } from '../../salesforce/objects';

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
    info.HasWebAuthn === true ||
    info.HasBuiltInAuthenticator === true
  );
}
