import { JobState } from '@jupiterone/integration-sdk-core';
import { Entities } from '../constants';
import { incompleteStepError } from './incomplete';

/**
 * The account entity's key, for the `HAS` relationship every other step
 * draws from it. Read once per step, not once per record.
 */
export async function getAccountKey(jobState: JobState): Promise<string> {
  let accountKey: string | undefined;
  await jobState.iterateEntities(
    { _type: Entities.ACCOUNT._type },
    (entity) => {
      accountKey = entity._key;
    },
  );
  if (!accountKey) {
    throw incompleteStepError(
      'The account entity is missing: fetch-account must run first',
    );
  }
  return accountKey;
}
