import {
  IntegrationExecutionContext,
  IntegrationProviderAuthenticationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig, parseIntegrationConfig } from './config';
import { getSalesforceClient } from './execution';
import { SalesforceOAuthError } from './salesforce/errors';
import { tokenUrlOf } from './salesforce/oauth';

/**
 * Reports every configuration problem at once, then requests the access
 * token that the steps will share.
 */
export async function validateInvocation(
  context: IntegrationExecutionContext<IntegrationConfig>,
): Promise<void> {
  const settings = parseIntegrationConfig(context.instance.config);
  try {
    await getSalesforceClient(context).authenticate(context.logger);
  } catch (err) {
    if (err instanceof SalesforceOAuthError) {
      throw new IntegrationProviderAuthenticationError({
        cause: err,
        endpoint: err.tokenUrl,
        status: err.status,
        statusText: err.statusText,
      });
    }
    throw new IntegrationValidationError(
      `Could not reach Salesforce at ${tokenUrlOf(settings)} (${
        err.message
      }): check instanceUrl and loginUrl`,
    );
  }
}
