import { buildStepDependencyGraph } from '@jupiterone/integration-sdk-runtime';
import { createMockStepExecutionContext } from '@jupiterone/integration-sdk-testing';
import { IntegrationConfig } from '../src/config';
import { invocationConfig } from '../src/index';
import { loadExecutionConfig } from '../src/execution';

/**
 * Runs every step once, in dependency order, on one shared job state: the
 * whole integration in memory, for tests that check a graph end to end.
 */
export async function runAllSteps(instanceConfig: IntegrationConfig) {
  const graph = buildStepDependencyGraph(invocationConfig.integrationSteps);
  const context = {
    ...createMockStepExecutionContext({ instanceConfig }),
    executionConfig: loadExecutionConfig({ config: instanceConfig }),
  };
  for (const stepId of graph.overallOrder()) {
    await graph.getNodeData(stepId).executionHandler(context);
  }
  return context.jobState;
}
