import { SObjectRecord } from './dataset';
import { makeId } from './ids';

/** A query's matched records, kept so later pages need no re-filtering. */
export interface OpenCursor {
  id: string;
  objectName: string;
  fields: string[];
  records: SObjectRecord[];
}

/**
 * Salesforce's API query cursor limit: a user keeps at most 10 cursors
 * open and the oldest is released when an 11th opens, after which its
 * locator fails with INVALID_QUERY_LOCATOR. Every token here acts as the
 * same user, so clients that page many queries at once fail here as they
 * would in a real org.
 */
export const MAX_OPEN_CURSORS = 10;

export class CursorStore {
  private readonly open = new Map<string, OpenCursor>();
  private opened = 0;

  add(cursor: Omit<OpenCursor, 'id'>): OpenCursor {
    const opened: OpenCursor = {
      ...cursor,
      id: makeId('QueryLocator', this.opened++),
    };
    this.open.set(opened.id, opened);
    if (this.open.size > MAX_OPEN_CURSORS) {
      this.open.delete(this.open.keys().next().value as string);
    }
    return opened;
  }

  get(id: string): OpenCursor | undefined {
    return this.open.get(id);
  }
}
