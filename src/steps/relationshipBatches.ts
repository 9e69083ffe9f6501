import { JobState, Relationship } from '@jupiterone/integration-sdk-core';

/**
 * SDK 8.41 writes the relationships it holds once it holds 500: in files
 * of 500 cut in the order they were added, each file split again by type
 * (DEFAULT_GRAPH_OBJECT_BUFFER_THRESHOLD, DEFAULT_GRAPH_OBJECT_FILE_SIZE).
 * A page's relationships, of five or six types mixed, became files of 80
 * on average, each costing the file system calls of a full one.
 */
export const SDK_FILE_SIZE = 500;

/**
 * Hands relationships to the SDK one type at a time, 500 at a time, so
 * that every file it writes is full; what is left, once `addRest` is
 * called at the end of the query.
 */
export class RelationshipBatches {
  private readonly byType = new Map<string, Relationship[]>();

  constructor(private readonly jobState: Pick<JobState, 'addRelationships'>) {}

  async add(relationships: Relationship[]): Promise<void> {
    for (const relationship of relationships) {
      const batch = this.byType.get(relationship._type);
      if (batch) batch.push(relationship);
      else this.byType.set(relationship._type, [relationship]);
    }
    for (const batch of this.byType.values()) {
      while (batch.length >= SDK_FILE_SIZE) {
        await this.jobState.addRelationships(batch.splice(0, SDK_FILE_SIZE));
      }
    }
  }

  async addRest(): Promise<void> {
    for (const batch of this.byType.values()) {
      if (batch.length > 0) {
        await this.jobState.addRelationships(batch.splice(0));
      }
    }
  }
}
