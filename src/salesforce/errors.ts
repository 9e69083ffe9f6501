import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';

/**
 * A token request that Salesforce refused. Carries the OAuth `error` and
 * `error_description` Salesforce sent and the token URL used, so that the
 * user can tell a wrong client id from a revoked refresh token or a sandbox
 * token sent to the production login URL.
 */
export class SalesforceOAuthError extends IntegrationProviderAPIError {
  constructor(
    readonly tokenUrl: string,
    status: number,
    readonly error: string,
    readonly errorDescription: string,
  ) {
    super({
      endpoint: tokenUrl,
      status,
      statusText: `${error}: ${errorDescription}`,
    });
  }
}

/** Salesforce's REST error body: `[{ "errorCode": ..., "message": ... }]`. */
interface RestErrorItem {
  errorCode?: string;
  message?: string;
}

export function firstErrorCode(body: unknown): string | undefined {
  return Array.isArray(body)
    ? (body[0] as RestErrorItem | undefined)?.errorCode
    : undefined;
}

function describeRestError(status: number, body: unknown): string {
  const items: RestErrorItem[] = Array.isArray(body) ? body : [];
  const described = items
    .map((item) => [item.errorCode, item.message].filter(Boolean).join(': '))
    .filter(Boolean);
  return described.length > 0 ? described.join('; ') : `HTTP ${status}`;
}

export function createApiError(
  endpoint: string,
  status: number,
  body: unknown,
): IntegrationProviderAPIError {
  return new IntegrationProviderAPIError({
    endpoint,
    status,
    statusText: describeRestError(status, body),
  });
}
