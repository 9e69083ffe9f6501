import { IntegrationError } from '@jupiterone/integration-sdk-core';

/**
 * A step that cannot collect all its data because something it builds on
 * was not collected. Failing marks the step's types partial, so that
 * JupiterOne keeps what it had instead of deleting what this run missed.
 */
export function incompleteStepError(message: string): IntegrationError {
  return new IntegrationError({ code: 'INCOMPLETE_STEP_ERROR', message });
}
