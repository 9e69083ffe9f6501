import { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';
import { StepTestConfig } from '@jupiterone/integration-sdk-testing';
import { IntegrationConfig } from '../src/config';
import { invocationConfig } from '../src/index';
import { DEV_CREDENTIALS } from '../local-salesforce/oauth';
import {
  LocalSalesforce,
  LocalSalesforceOptions,
  startLocalSalesforce,
} from '../local-salesforce/server';

export function localInstanceConfig(
  org: LocalSalesforce,
  overrides: Partial<IntegrationConfig> = {},
): IntegrationConfig {
  return {
    instanceUrl: org.url,
    clientId: DEV_CREDENTIALS.clientId,
    clientSecret: DEV_CREDENTIALS.clientSecret,
    ...overrides,
  };
}

/** Starts a local org before the file's tests and stops it after them. */
export function useLocalOrg(
  options?: LocalSalesforceOptions,
): () => LocalSalesforce {
  let org: LocalSalesforce | undefined;
  beforeAll(async () => {
    org = await startLocalSalesforce(options);
  });
  afterAll(async () => {
    await org?.close();
  });
  return () => {
    if (!org) throw new Error('the local org has not started');
    return org;
  };
}

export function countByType(
  objects: { _type: string }[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { _type } of objects) {
    counts[_type] = (counts[_type] ?? 0) + 1;
  }
  return counts;
}

/**
 * The SDK's step-test helpers take an invocation config typed for any
 * instance config; ours is typed for IntegrationConfig, which function
 * parameter variance will not pass as is. A step of the users graph runs
 * after every step of the first graph.
 */
export function stepTestConfig(
  stepId: string,
  instanceConfig: IntegrationConfig,
): StepTestConfig {
  const steps = invocationConfig.integrationSteps;
  const inLaterGraph = steps.find(
    (step) => step.id === stepId,
  )?.dependencyGraphId;
  return {
    stepId,
    invocationConfig:
      invocationConfig as unknown as IntegrationInvocationConfig,
    instanceConfig,
    dependencyStepIds: inLaterGraph
      ? steps.filter((step) => !step.dependencyGraphId).map((step) => step.id)
      : undefined,
  };
}
