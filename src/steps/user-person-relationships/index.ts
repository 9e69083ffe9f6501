import {
  createMappedRelationship,
  IntegrationStep,
  IntegrationStepExecutionContext,
  Relationship,
  RelationshipClass,
  RelationshipDirection,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import {
  DataKeys,
  MappedRelationships,
  Steps,
  USERS_GRAPH,
} from '../../constants';

const BATCH_SIZE = 2000;

/**
 * Each user who is a person IS the J1 Person with the same email, so that
 * a person's Salesforce access joins what other integrations know of them.
 * The Person is not created when no other source knows it.
 */
function createUserPersonRelationship(
  userId: string,
  email: string,
): Relationship {
  return createMappedRelationship({
    _class: RelationshipClass.IS,
    _type: MappedRelationships.USER_IS_PERSON._type,
    _mapping: {
      relationshipDirection: RelationshipDirection.FORWARD,
      sourceEntityKey: userId,
      targetFilterKeys: [['_class', 'email']],
      targetEntity: { _class: 'Person', email },
      skipTargetCreation: true,
    },
  });
}

export async function buildUserPersonRelationships(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState, logger } = context;
  const people =
    (await jobState.getData<[string, string][]>(DataKeys.PERSON_EMAILS)) ?? [];
  // A batch at a time: what the graph holds in memory must not grow with
  // the number of users.
  for (let start = 0; start < people.length; start += BATCH_SIZE) {
    await jobState.addRelationships(
      people
        .slice(start, start + BATCH_SIZE)
        .map(([userId, email]) => createUserPersonRelationship(userId, email)),
    );
  }
  logger.info({ people: people.length }, 'Mapped users to people');
}

export const userPersonRelationshipSteps: IntegrationStep<IntegrationConfig>[] =
  [
    {
      ...Steps.USER_PERSON_RELATIONSHIPS,
      entities: [],
      relationships: [],
      mappedRelationships: [MappedRelationships.USER_IS_PERSON],
      dependsOn: [Steps.USERS.id],
      dependencyGraphId: USERS_GRAPH,
      executionHandler: buildUserPersonRelationships,
    },
  ];
