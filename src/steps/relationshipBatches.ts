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
 * Hands relationships to the SDK in whole files: 500 of a type, or a
 * multiple of 500, each type's together. Every full batch a call makes is
 * handed in that one call, because the SDK writes the files of one call at
 * the same time and those of successive calls one after another, each file
 * a chain of file system calls. What is left, once `addRest` is called at
 * the end of the query.
 *
 * Should one of those files fail to be written, the SDK keeps the whole
 * call in memory and writes it again after the (failed) step, so the files
 * of it already written hold their relationships twice (docs/faults.md).
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
    await this.hand(
      this.take((batch) => batch.length - (batch.length % SDK_FILE_SIZE)),
    );
  }

  async addRest(): Promise<void> {
    await this.hand(this.take((batch) => batch.length));
  }

  /** Takes, type after type, the first `count(batch)` of each batch. */
  private take(count: (batch: Relationship[]) => number): Relationship[] {
    const taken: Relationship[] = [];
    for (const batch of this.byType.values()) {
      for (const relationship of batch.splice(0, count(batch))) {
        taken.push(relationship);
      }
    }
    return taken;
  }

  private async hand(relationships: Relationship[]): Promise<void> {
    if (relationships.length > 0) {
      await this.jobState.addRelationships(relationships);
    }
  }
}
