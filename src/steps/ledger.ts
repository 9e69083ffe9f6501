import {
  createDirectRelationship,
  Entity,
  IntegrationLogger,
  IntegrationWarnEventName,
  JobState,
  Relationship,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import { getSalesforceClient } from '../execution';
import { incompleteStepError } from './incomplete';
import { firstFew, warnOperator } from './operatorLog';

interface StepContext {
  jobState: JobState;
  logger: IntegrationLogger;
  executionConfig: object;
}

/** How many skipped records are logged one by one before only counting. */
export const SKIPS_LOGGED_EACH = 20;

/** The records of a page that became entities, and their entities. */
export interface Converted<R> {
  records: R[];
  entities: Entity[];
}

/**
 * Records withheld for one reason: their ids, the distinct ids they miss
 * (profiles or permission sets, a few in any org), and the first error.
 */
export interface WithheldRecords {
  ids: string[];
  missing: Set<string>;
  firstError?: string;
}

/**
 * Counts what a step fetched, added and skipped, and says so once at the
 * end: nothing a step leaves out of the graph disappears without a word.
 */
export class StepLedger {
  private fetched = 0;
  private entities = 0;
  private readonly relationships = new Map<string, number>();
  private readonly skipped = new Map<string, number>();
  private readonly omitted = new Map<string, number>();
  private readonly withheld = new Map<string, WithheldRecords>();
  /** Relationships left out for an end not collected, by `_type`. */
  private readonly unlinked = new Map<string, number>();

  constructor(
    private readonly context: StepContext,
    private readonly objectName: string,
  ) {}

  /**
   * Converts a page of records. A record that fails is withheld: logged
   * with its Id and the error, and the step fails in the end (finish), so
   * that JupiterOne keeps what it had of it instead of deleting it.
   */
  convert<R extends { Id: string }>(
    records: R[],
    toEntity: (record: R) => Entity,
  ): Converted<R> {
    const converted: Converted<R> = { records: [], entities: [] };
    for (const record of records) {
      try {
        converted.entities.push(toEntity(record));
        converted.records.push(record);
      } catch (err) {
        this.withhold(`${this.objectName} could not be converted`, record.Id, {
          error: err.message,
        });
      }
    }
    this.fetched += converted.records.length;
    this.entities += converted.entities.length;
    return converted;
  }

  get entityCount(): number {
    return this.entities;
  }

  get fetchedCount(): number {
    return this.fetched;
  }

  countFetched(records: unknown[]): void {
    this.fetched += records.length;
  }

  /** The pages as they come, each counted as fetched. */
  async *countingFetched<R>(pages: AsyncIterable<R[]>): AsyncGenerator<R[]> {
    for await (const page of pages) {
      this.countFetched(page);
      yield page;
    }
  }

  /** A record fetched but left out of the graph: reported as skipped. */
  withhold(
    reason: string,
    id: string,
    details: { missing?: string | string[]; error?: string } = {},
  ): void {
    this.fetched++;
    let records = this.withheld.get(reason);
    if (!records) {
      records = { ids: [], missing: new Set(), firstError: details.error };
      this.withheld.set(reason, records);
    }
    records.ids.push(id);
    for (const missing of ([] as string[]).concat(details.missing ?? [])) {
      records.missing.add(missing);
    }
    this.skip(reason, id, details);
  }

  /** The ids of every record withheld. */
  get withheldIds(): string[] {
    return [...this.withheld.values()].flatMap(({ ids }) => ids);
  }

  /**
   * A relationship between two entities the graph holds, found by key; none
   * when either key is null (the record references nothing). A reference to
   * an entity that was not collected is skipped, counted under the
   * relationship's type and the end missing, and logged with the id not
   * collected and both ends.
   */
  relate(
    metadata: StepRelationshipMetadata,
    fromKey: string | null | undefined,
    toKey: string | null | undefined,
    properties: Record<string, string | number | boolean | undefined> = {},
  ): Relationship | undefined {
    if (!fromKey || !toKey) {
      return undefined;
    }
    const missingEnd = !this.has(fromKey)
      ? { key: fromKey, type: metadata.sourceType }
      : !this.has(toKey)
      ? { key: toKey, type: metadata.targetType }
      : undefined;
    if (missingEnd) {
      this.skip(
        `${metadata._type} with its ${missingEnd.type} end not collected`,
        missingEnd.key,
        { from: fromKey, to: toKey },
      );
      increment(this.unlinked, metadata._type);
      return undefined;
    }
    increment(this.relationships, metadata._type);
    return createDirectRelationship({
      _class: metadata._class,
      fromType: metadata.sourceType,
      fromKey,
      toType: metadata.targetType,
      toKey,
      properties: { ...properties, _type: metadata._type },
    });
  }

  /**
   * Counts a record left out by design because the graph holds its fact
   * another way; reported in the step's summary, not as a warning.
   */
  omit(reason: string, count = 1): void {
    increment(this.omitted, reason, count);
  }

  /** Records, not named one by one, that should have been collected. */
  skipMany(reason: string, count: number): void {
    increment(this.skipped, reason, count);
  }

  /** Records data that should have been collected and was not. */
  skip(reason: string, id: string, details: object = {}): void {
    const count = increment(this.skipped, reason);
    if (count <= SKIPS_LOGGED_EACH) {
      this.context.logger.info({ id, reason, ...details }, 'Skipped record');
    }
  }

  /**
   * Where relationships of this type were left out for an end the run did
   * not collect, a problem for finish: JupiterOne would delete them,
   * though their end was more likely withheld, or its step failed, than
   * deleted in Salesforce.
   */
  unlinkedProblem(metadata: StepRelationshipMetadata): string | undefined {
    const count = this.unlinked.get(metadata._type);
    return count
      ? `${count} ${metadata._type} ${
          count === 1 ? 'relationship was' : 'relationships were'
        } left out, an end of each not collected in this run: failing so that JupiterOne keeps them`
      : undefined;
  }

  /**
   * Logs the step's counts and warns once if anything was skipped; then
   * fails the step, naming every problem, if a record was withheld or the
   * step has problems of its own, so that its types are partial.
   */
  finish(...stepProblems: (string | undefined)[]): void {
    this.logCounts();
    const problems = [this.withheldProblem(), ...stepProblems].filter(
      (problem): problem is string => problem !== undefined,
    );
    if (problems.length > 0) {
      throw incompleteStepError(problems.join('. '));
    }
  }

  /**
   * Logs the step's counts, and warns once if anything was skipped: at the
   * end (finish), or where the step fails midway, so far.
   */
  logCounts(): void {
    const { logger } = this.context;
    const skipped = Object.fromEntries(this.skipped);
    logger.info(
      {
        object: this.objectName,
        fetched: this.fetched,
        entities: this.entities,
        relationships: Object.fromEntries(this.relationships),
        skipped,
        omitted: Object.fromEntries(this.omitted),
        // The org's API usage as Salesforce last reported it; the last
        // step's figure is the run's.
        apiUsage: getSalesforceClient(this.context).apiUsage,
      },
      `Collected ${this.objectName} records`,
    );
    if (this.skipped.size > 0) {
      const description = `Skipped ${this.objectName} data: ${Object.entries(
        skipped,
      )
        .map(([reason, count]) => `${count} × ${reason}`)
        .join('; ')}${this.unlinked.size > 0 ? `. ${UNLINKED_CAUSES}` : ''}`;
      warnOperator(
        logger,
        { skipped },
        description,
        IntegrationWarnEventName.MissingEntity,
      );
    }
  }

  /** For each reason, how many records, the first of them and why. */
  private withheldProblem(): string | undefined {
    if (this.withheld.size === 0) return undefined;
    const ids = this.withheldIds;
    const reasons = [...this.withheld].map(
      ([reason, records]) =>
        `${records.ids.length} × ${reason} (first: ${records.ids[0]}${detailsOf(
          records,
        )})`,
    );
    return `${ids.length} ${this.objectName} ${
      ids.length === 1 ? 'record was' : 'records were'
    } left out, so that JupiterOne keeps what it had of them: ${reasons.join(
      '; ',
    )}. The first ${SKIPS_LOGGED_EACH} of each reason are logged as skipped records`;
  }

  /**
   * Whether the graph holds an entity or relationship with this key. SDK 8
   * keeps every key in memory and answers `hasKey` synchronously; awaiting
   * it per record would serialise the step for nothing.
   */
  has(key: string): boolean {
    const found = this.context.jobState.hasKey(key);
    if (typeof found !== 'boolean') {
      throw new Error('jobState.hasKey is expected to answer synchronously');
    }
    return found;
  }
}

function detailsOf({ missing, firstError }: WithheldRecords): string {
  if (missing.size > 0) return `, missing ${firstFew([...missing])}`;
  if (firstError) return `: ${firstError}`;
  return '';
}

function increment(counts: Map<string, number>, key: string, by = 1): number {
  const count = (counts.get(key) ?? 0) + by;
  counts.set(key, count);
  return count;
}

export function defined<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}

/** Why an end of a relationship is not in the graph, said once a step. */
const UNLINKED_CAUSES =
  'An end not collected: its step failed or left it out, or it was created or deleted during the run, or it is hidden from the integration user';
