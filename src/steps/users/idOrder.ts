import { IntegrationError } from '@jupiterone/integration-sdk-core';

/** Ids are compared on their 15-character form; the suffix only encodes case. */
const caseSensitiveKey = (id: string) => id.slice(0, 15);
const caseInsensitiveKey = (id: string) => id.slice(0, 15).toLowerCase();

/**
 * The order Salesforce returns ids in for `ORDER BY`. Salesforce documents
 * that it sorts text case-insensitively but not how it sorts ids, which
 * are case-sensitive: either way is possible. The order is learned from
 * the sorted streams themselves: a pair of neighbours out of one order
 * rules it out, and until then an id counts as passed only when it is
 * passed in both.
 */
export class IdOrder {
  /** For each order ruled out, the first pair of ids that did it. */
  private caseSensitiveRuledOutBy?: Neighbours;
  private caseInsensitiveRuledOutBy?: Neighbours;
  private failure?: IntegrationError;

  private get mayBeCaseSensitive(): boolean {
    return !this.caseSensitiveRuledOutBy;
  }

  private get mayBeCaseInsensitive(): boolean {
    return !this.caseInsensitiveRuledOutBy;
  }

  /**
   * Notes that `later` followed `earlier` in a stream sorted by id. Once
   * no order is left, every call throws the same error.
   */
  observe(earlier: string, later: string, object: string): void {
    if (this.failure) throw this.failure;
    const notCaseSensitive =
      caseSensitiveKey(later) < caseSensitiveKey(earlier);
    const notCaseInsensitive =
      caseInsensitiveKey(later) < caseInsensitiveKey(earlier);
    if (!notCaseSensitive && !notCaseInsensitive) return;
    const pair = { earlier, later, object };
    if (notCaseSensitive) this.caseSensitiveRuledOutBy ??= pair;
    if (notCaseInsensitive) this.caseInsensitiveRuledOutBy ??= pair;
    if (this.caseSensitiveRuledOutBy && this.caseInsensitiveRuledOutBy) {
      const pairInNoOrder = notCaseSensitive && notCaseInsensitive;
      this.failure = new IntegrationError({
        code: 'UNSORTED_QUERY_RESULT',
        message: pairInNoOrder
          ? unsortedMessage(pair)
          : orderRuledOutMessage(
              pair,
              this.caseSensitiveRuledOutBy,
              this.caseInsensitiveRuledOutBy,
            ),
      });
      throw this.failure;
    }
  }

  /** Whether `current` comes after `id` in every order still possible. */
  isPast(current: string, id: string): boolean {
    return (
      (!this.mayBeCaseSensitive ||
        caseSensitiveKey(current) > caseSensitiveKey(id)) &&
      (!this.mayBeCaseInsensitive ||
        caseInsensitiveKey(current) > caseInsensitiveKey(id))
    );
  }
}

interface Neighbours {
  earlier: string;
  later: string;
  object: string;
}

const CONSEQUENCE =
  'so users cannot be matched with the rows read alongside them (permission set assignments, second factors, frozen logins); please report this';

function unsortedMessage({ object, earlier, later }: Neighbours): string {
  return `Salesforce returned ${object} records out of id order (${earlier} before ${later}), ${CONSEQUENCE}`;
}

/**
 * Two pairs ruled out the two orders, `last` the second: of one object, it
 * is out of order; of two, they were sorted differently.
 */
function orderRuledOutMessage(
  last: Neighbours,
  notCaseSensitive: Neighbours,
  notCaseInsensitive: Neighbours,
): string {
  if (notCaseSensitive.object === notCaseInsensitive.object) {
    return unsortedMessage(last);
  }
  return `Salesforce sorted ${notCaseSensitive.object} records by id without regard to case (${notCaseSensitive.earlier} before ${notCaseSensitive.later}) and ${notCaseInsensitive.object} records with regard to it (${notCaseInsensitive.earlier} before ${notCaseInsensitive.later}), ${CONSEQUENCE}`;
}
