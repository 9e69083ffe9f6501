import { SeededRandom } from './random';

/** What every part of a generated org shares. */
export interface GenerationContext {
  random: SeededRandom;
  orgId: string;
  /** The first user, who created everything else, as in a new org. */
  adminId: string;
  /** The timestamp `day` days after the org was created. */
  stamp(day: number): string;
}

/** Generated records span this many days after the org was created. */
export const ORG_AGE_DAYS = 700;

const ORG_CREATED_AT = Date.UTC(2023, 3, 5, 20, 43, 59);
const DAY_MS = 24 * 60 * 60 * 1000;

export function createContext(
  seed: number,
  orgId: string,
  adminId: string,
): GenerationContext {
  // Cached because 100,000 users share a few hundred distinct days.
  const stamps = new Map<number, string>();
  const stamp = (day: number) => {
    let text = stamps.get(day);
    if (!text) {
      text = toSalesforceDateTime(ORG_CREATED_AT + day * DAY_MS);
      stamps.set(day, text);
    }
    return text;
  };
  return { random: new SeededRandom(seed), orgId, adminId, stamp };
}

/** Salesforce writes datetimes as `2023-04-05T20:43:59.000+0000`. */
export function toSalesforceDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/** Created, modified and system-modified stamps of one record. */
export function auditFields(context: GenerationContext, createdDay: number) {
  const modifiedDay = Math.min(
    ORG_AGE_DAYS,
    createdDay + context.random.int(30),
  );
  return {
    CreatedDate: context.stamp(createdDay),
    CreatedById: context.adminId,
    LastModifiedDate: context.stamp(modifiedDay),
    LastModifiedById: context.adminId,
    SystemModstamp: context.stamp(modifiedDay),
  };
}
