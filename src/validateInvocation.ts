import {
  IntegrationExecutionContext,
  IntegrationProviderAuthenticationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from './config';
import { SalesforceClient } from './salesforce/client';
import { getSalesforceClient } from './execution';
import { SalesforceOAuthError } from './salesforce/errors';
import { tokenUrlOf } from './salesforce/oauth';
import { clientLog } from './steps/operatorLog';

/**
 * Reports every configuration problem at once, then requests the access
 * token that the steps will share and checks that the org offers the API
 * version.
 */
export async function validateInvocation(
  context: IntegrationExecutionContext<IntegrationConfig>,
): Promise<void> {
  // Building the client validates the configuration, every problem at once.
  const client = getSalesforceClient(context);
  const { settings } = client;
  await authenticate(client, context);
  const offered = await client.apiVersions(clientLog(context.logger));
  if (!offered.includes(settings.apiVersion)) {
    throw new IntegrationValidationError(
      `apiVersion "${
        settings.apiVersion
      }" is not offered by this org; its newest is ${
        offered[offered.length - 1]
      }`,
    );
  }
}

async function authenticate(
  client: SalesforceClient,
  context: IntegrationExecutionContext<IntegrationConfig>,
) {
  try {
    await client.authenticate(clientLog(context.logger));
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
      `The token request to ${tokenUrlOf(client.settings)} failed (${
        err.statusText ?? err.message
      }). If that URL is wrong, fix instanceUrl or loginUrl; if Salesforce is down, try again later`,
    );
  }
}
