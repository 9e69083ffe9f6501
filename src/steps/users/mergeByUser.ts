import { IdOrder } from './idOrder';

/**
 * How many values may be read ahead of the users: enough pages to keep
 * Salesforce busy while users are converted, few enough that memory does
 * not grow with the org.
 */
export const READ_AHEAD = 20_000;

export interface MergeOptions<R, V> {
  /** The object the rows are of, for messages. */
  object: string;
  /** The field the rows are sorted by: the id of the user a row is of. */
  userIdOf: (row: R) => string;
  /** The value a row holds. */
  valueOf: (row: R) => V;
  /** Called for values whose user is not among the users read. */
  onUnmatched: (count: number) => void;
  /**
   * Whether a failure to read the rows leaves them unknown, rather than
   * failing the users waiting for them (see `readable`).
   */
  tolerates?: (err: unknown) => boolean;
}

/**
 * Matches users with rows of another object about them while both queries
 * stream: users sorted by Id, the rows by the id of their user (say,
 * permission set assignments by AssigneeId). A page of users waits only
 * for the rows up to its last user, so users are converted while later
 * rows are still arriving, and only the rows read ahead of the users are
 * held in memory.
 *
 * The rows are read in the background from construction on; call
 * `forUsers` with each page of users in order, then `finish`, and `stop`
 * in any case.
 *
 * Limitation: the client does not start a sorted query over once it has
 * yielded rows (see SalesforceClient.query), so a cursor Salesforce drops
 * midway fails the users step, its data marked partial until the next run.
 */
export class MergeByUser<R, V> {
  /** Values by user, in the order the rows arrived (sorted by user). */
  private readonly pending = new Map<string, V[]>();
  private held = 0;
  private mostHeld = 0;
  /** The page of users waiting for its rows, if any. */
  private waitingPage?: { users: Set<string>; last: string };
  private lastRowUser?: string;
  private lastUser?: string;
  private ended = false;
  /** Set by `finish`: no page of users is to come. */
  private usersEnded = false;
  private stopped = false;
  private failure?: unknown;
  private unreadable = false;
  private usersWaiting = false;
  private wakeUsers: () => void = () => undefined;
  private wakeReader: () => void = () => undefined;
  private readonly reading: Promise<void>;

  constructor(
    rows: AsyncIterable<R[]>,
    private readonly order: IdOrder,
    private readonly options: MergeOptions<R, V>,
  ) {
    this.reading = this.read(rows);
  }

  /**
   * False once the rows could not be read and `tolerates` said to carry
   * on: the users of the pages after that have no values.
   */
  get readable(): boolean {
    return !this.unreadable;
  }

  /** The most values held at once, waiting for their users. */
  get peakHeld(): number {
    return this.mostHeld;
  }

  /**
   * The values of each user of a page (users in the order the users query
   * returns them), once every one of theirs has arrived. Values of users
   * the users query has gone past are dropped.
   */
  async forUsers(users: { Id: string }[]): Promise<Map<string, V[]>> {
    if (users.length === 0) return new Map();
    for (const { Id } of users) {
      if (this.lastUser) this.order.observe(this.lastUser, Id, 'User');
      this.lastUser = Id;
    }
    const last = this.lastUser as string;
    this.waitingPage = { users: new Set(users.map(({ Id }) => Id)), last };
    await this.waitUntil(
      () =>
        this.lastRowUser !== undefined &&
        this.order.isPast(this.lastRowUser, last),
    );
    this.waitingPage = undefined;
    const found = new Map<string, V[]>();
    for (const { Id } of users) {
      const values = this.pending.get(Id);
      if (values) {
        found.set(Id, values);
        this.release(Id, values);
      }
    }
    this.dropPassed(last);
    this.wakeReader();
    return found;
  }

  /**
   * After the last page of users: what is held, and every row still to
   * come, matched no user. Rows are counted as they arrive rather than
   * held: with a user filter, most of an object may follow the last user.
   */
  async finish(): Promise<void> {
    this.usersEnded = true;
    this.dropAll();
    await this.waitUntil(() => false);
  }

  /** Stops reading (after the page in flight, if any). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeReader();
    await this.reading;
  }

  private async read(rows: AsyncIterable<R[]>): Promise<void> {
    try {
      for await (const page of rows) {
        for (const row of page) this.add(row);
        this.wakeUsers();
        await this.pauseWhileAhead();
        if (this.stopped) break;
      }
    } catch (err) {
      if (this.options.tolerates?.(err)) this.unreadable = true;
      else this.failure = err;
    } finally {
      this.ended = true;
      this.wakeUsers();
    }
  }

  /** Lets the users catch up, unless they are waiting for rows. */
  private async pauseWhileAhead(): Promise<void> {
    while (this.held >= READ_AHEAD && !this.usersWaiting && !this.stopped) {
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
    }
  }

  private add(row: R): void {
    const user = this.options.userIdOf(row);
    if (this.lastRowUser !== undefined && this.lastRowUser !== user) {
      this.order.observe(this.lastRowUser, user, this.options.object);
    }
    this.lastRowUser = user;
    if (this.usersEnded || this.beforeWaitingPageButNotInIt(user)) {
      this.options.onUnmatched(1);
      return;
    }
    const value = this.options.valueOf(row);
    const values = this.pending.get(user);
    if (values) values.push(value);
    else this.pending.set(user, [value]);
    this.held++;
    this.mostHeld = Math.max(this.mostHeld, this.held);
  }

  /**
   * A row no user will take: its user comes before the last user of the
   * page waiting, and is not in it (filtered out, say). Dropped at once,
   * so that a page of users far apart does not hold every row between.
   */
  private beforeWaitingPageButNotInIt(user: string): boolean {
    const page = this.waitingPage;
    return (
      page !== undefined &&
      !page.users.has(user) &&
      this.order.isPast(page.last, user)
    );
  }

  private release(user: string, values: V[]): void {
    this.pending.delete(user);
    this.held -= values.length;
  }

  /** Resolves once `ready` holds or the rows have ended. */
  private async waitUntil(ready: () => boolean): Promise<void> {
    while (!this.ended && !ready()) {
      this.usersWaiting = true;
      this.wakeReader();
      await new Promise<void>((resolve) => (this.wakeUsers = resolve));
      this.usersWaiting = false;
    }
    if (this.failure) throw this.failure;
  }

  /**
   * Drops the values of users the users query has gone past: they are
   * held in the order they arrived, so the search stops at the first one
   * not passed (any left behind are dropped later, or by `finish`).
   */
  private dropPassed(lastUser: string): void {
    for (const [user, values] of this.pending) {
      if (!this.order.isPast(lastUser, user)) return;
      this.options.onUnmatched(values.length);
      this.release(user, values);
    }
  }

  private dropAll(): void {
    for (const [user, values] of this.pending) {
      this.options.onUnmatched(values.length);
      this.release(user, values);
    }
  }
}
