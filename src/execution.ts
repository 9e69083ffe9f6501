import { IntegrationInstanceConfig } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig, parseIntegrationConfig } from './config';
import { ClientOptions, SalesforceClient } from './salesforce/client';

/**
 * The SDK builds the execution config once per run and hands the same object
 * to validation and to every step: that is what lets all steps share one
 * client and one access token.
 */
export interface ExecutionConfig {
  salesforce: () => SalesforceClient;
}

type ExecutionConfigLoader = (options: {
  // The SDK types this loosely; the fields are those of instanceConfigFields.
  config: IntegrationInstanceConfig;
}) => ExecutionConfig;

/**
 * The loader must not throw: the SDK calls it before `validateInvocation`,
 * which is where configuration problems are reported. The client is built
 * on first use, from the validated configuration.
 */
export function createExecutionConfigLoader(
  clientOptions: ClientOptions = {},
): ExecutionConfigLoader {
  return ({ config }) => {
    let client: SalesforceClient | undefined;
    return {
      salesforce: () =>
        (client ??= new SalesforceClient(
          parseIntegrationConfig(config as IntegrationConfig),
          clientOptions,
        )),
    };
  };
}

export const loadExecutionConfig = createExecutionConfigLoader();

export function getSalesforceClient(context: {
  executionConfig: object;
}): SalesforceClient {
  return (context.executionConfig as ExecutionConfig).salesforce();
}
