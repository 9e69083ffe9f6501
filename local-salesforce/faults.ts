/**
 * Faults the local org can be told to inject, to test how a client
 * survives or reports what real Salesforce orgs do to it.
 */
export type FaultKind =
  /** A REST error status Salesforce or a proxy in front of it sends. */
  | '429'
  | '500'
  | '502'
  | '503'
  | '504'
  /** A 503 maintenance page in HTML. */
  | 'html'
  /** A 200 whose JSON body is cut short. */
  | 'truncated'
  /** A 200 whose JSON is not a page of records (a proxy's own answer). */
  | 'not-a-page'
  /** The connection is closed without an answer. */
  | 'reset'
  /** No answer at all, until the client gives up. */
  | 'hang'
  /** Every session expires just before the request is answered. */
  | 'expire-sessions'
  /** The query's cursor is gone. */
  | 'invalid-locator'
  /** Salesforce gave up running the query. */
  | 'query-timeout'
  /** The org's daily API allowance is spent. */
  | 'limit-exceeded'
  /** The org runs too many long requests at once. */
  | 'concurrent-limit'
  /** The user may not read the object. */
  | 'insufficient-access'
  /** The org has no such object (or hides it from the user). */
  | 'invalid-type'
  /** The page repeats its first record at its end. */
  | 'duplicate-record'
  /** The page says more follow, but gives no nextRecordsUrl. */
  | 'missing-next-url'
  /** totalSize counts one record more than the query returns. */
  | 'short-total'
  /** nextRecordsUrl is an absolute URL on another host. */
  | 'foreign-next-url'
  /** Sforce-Limit-Info reports 92% of the daily API allowance used. */
  | 'near-limit'
  /** Token endpoint: the refresh token or client is refused. */
  | 'invalid-grant'
  /** Token endpoint: a new refresh token, the old one revoked. */
  | 'rotate-refresh-token'
  /** Token endpoint: the org now lives on another instance URL. */
  | 'new-instance-url';

export interface Fault {
  kind: FaultKind;
  /** 'token' for the token endpoint, else a query's object; any query when omitted. */
  target?: string;
  /** The page of the query, 1 for its first request; any page when omitted. */
  page?: number;
  /** How many matching requests it strikes; default 1, Infinity for all. */
  times?: number;
  /** How many matching requests it lets through first; default 0. */
  after?: number;
  retryAfterSeconds?: number;
}

/** The faults still to inject, each struck off as it is used up. */
export class FaultPlan {
  private readonly faults: Fault[] = [];
  readonly injected: Fault[] = [];

  add(...faults: Fault[]): void {
    this.faults.push(...faults.map((fault) => ({ times: 1, ...fault })));
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The fault for a request to `target` (and `page`), if one is due. */
  take(target: string, page?: number): Fault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        matchesTarget(candidate, target) &&
        (candidate.page === undefined || candidate.page === page) &&
        (candidate.times ?? 1) > 0,
    );
    if (!fault) return undefined;
    if ((fault.after ?? 0) > 0) {
      fault.after = (fault.after ?? 0) - 1;
      return undefined;
    }
    fault.times = (fault.times ?? 1) - 1;
    this.injected.push(fault);
    return fault;
  }
}

function matchesTarget(fault: Fault, target: string): boolean {
  if (fault.target === undefined) return target !== 'token';
  return fault.target === target;
}
