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
 * Open query cursors. Salesforce has not limited how many a user keeps open
 * since API 56.0, and keeps each for two days ("API Query Cursor Limits"):
 * none is released here while the server runs.
 */
export class CursorStore {
  private readonly open = new Map<string, OpenCursor>();

  add(cursor: Omit<OpenCursor, 'id'>): OpenCursor {
    const opened: OpenCursor = {
      ...cursor,
      id: makeId('QueryLocator', this.open.size),
    };
    this.open.set(opened.id, opened);
    return opened;
  }

  get(id: string): OpenCursor | undefined {
    return this.open.get(id);
  }
}
