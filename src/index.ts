import './compiledForThisNode';
import { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig, instanceConfigFields } from './config';
import { USERS_GRAPH } from './constants';
import { loadExecutionConfig } from './execution';
import { integrationSteps } from './steps';
import { validateInvocation } from './validateInvocation';

export const invocationConfig: IntegrationInvocationConfig<IntegrationConfig> =
  {
    instanceConfigFields,
    loadExecutionConfig,
    validateInvocation,
    integrationSteps,
    dependencyGraphOrder: [USERS_GRAPH],
  };
