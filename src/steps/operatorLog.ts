import {
  IntegrationLogger,
  PublishEventLevel,
} from '@jupiterone/integration-sdk-core';
import { ClientLog } from '../salesforce/paging';

/** The event name of warnings that have none of the SDK's own. */
const OPERATOR_WARNING = 'warn_salesforce';

/**
 * A warning the operator must act on, or must know changed the data:
 * logged, since `collect` posts no events, and posted to the job's log in
 * JupiterOne by `run`, which does not send log lines.
 */
export function warnOperator(
  logger: IntegrationLogger,
  fields: object,
  description: string,
  name: string = OPERATOR_WARNING,
): void {
  logger.warn(fields, description);
  logger.publishEvent({ name, description, level: PublishEventLevel.Warn });
}

/** The first few of a list, for a line the job log shows, and how many more. */
export function firstFew(items: string[], separator = ', ', shown = 5): string {
  const more = items.length - shown;
  return (
    items.slice(0, shown).join(separator) +
    (more > 0 ? `${separator}and ${more} more` : '')
  );
}

/** A step's logger as the Salesforce client takes it. */
export function clientLog(logger: IntegrationLogger): ClientLog {
  return {
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    alert: (fields, message) => warnOperator(logger, fields, message),
  };
}
