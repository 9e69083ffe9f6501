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
  /** Which orders the ids seen so far still allow. */
  private mayBeCaseSensitive = true;
  private mayBeCaseInsensitive = true;

  /** Notes that `later` followed `earlier` in a stream sorted by id. */
  observe(earlier: string, later: string, object: string): void {
    if (caseSensitiveKey(later) < caseSensitiveKey(earlier)) {
      this.mayBeCaseSensitive = false;
    }
    if (caseInsensitiveKey(later) < caseInsensitiveKey(earlier)) {
      this.mayBeCaseInsensitive = false;
    }
    if (!this.mayBeCaseSensitive && !this.mayBeCaseInsensitive) {
      throw new IntegrationError({
        code: 'UNSORTED_QUERY_RESULT',
        message: `Salesforce returned ${object} records out of id order (${earlier} before ${later}), so users cannot be matched with their permission set assignments; please report this`,
      });
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
