import { IdOrder } from './idOrder';

interface AssignmentRow {
  AssigneeId: string;
}

/**
 * How many assignments may be read ahead of the users: enough pages to
 * keep Salesforce busy while users are converted, few enough that memory
 * does not grow with the org.
 */
export const READ_AHEAD = 20_000;

interface MergeOptions<R, A> {
  /** The assignment a row holds, or none when the graph leaves it out. */
  toAssignment: (row: R) => A | undefined;
  /** Called for assignments whose assignee is not among the users read. */
  onUnmatched: (count: number) => void;
}

/**
 * Matches users with their permission set assignments while both queries
 * stream: users sorted by Id, assignments by AssigneeId. A page of users
 * waits only for the assignments up to its last user, so users are
 * converted while later assignments are still arriving, and only the
 * assignments read ahead of the users are held in memory.
 *
 * The assignments are read in the background from construction on; call
 * `forUsers` with each page of users in order, then `finish`, and `stop`
 * in any case.
 */
export class AssignmentMerge<R extends AssignmentRow, A> {
  /** By assignee, in the order the assignees arrived. */
  private readonly pending = new Map<string, A[]>();
  private held = 0;
  private lastAssignee?: string;
  private lastUser?: string;
  private ended = false;
  private stopped = false;
  private failure?: unknown;
  private usersWaiting = false;
  private wakeUsers: () => void = () => undefined;
  private wakeReader: () => void = () => undefined;
  private readonly reading: Promise<void>;

  constructor(
    rows: AsyncIterable<R[]>,
    private readonly order: IdOrder,
    private readonly options: MergeOptions<R, A>,
  ) {
    this.reading = this.read(rows);
  }

  /**
   * The assignments of each user of a page (users by id, in the order the
   * users query returns them), once every one of theirs has arrived.
   * Assignments of assignees the users have gone past are dropped.
   */
  async forUsers(users: { Id: string }[]): Promise<Map<string, A[]>> {
    if (users.length === 0) return new Map();
    for (const { Id } of users) {
      if (this.lastUser) this.order.observe(this.lastUser, Id, 'User');
      this.lastUser = Id;
    }
    const last = this.lastUser as string;
    await this.waitUntil(
      () =>
        this.lastAssignee !== undefined &&
        this.order.isPast(this.lastAssignee, last),
    );
    const found = new Map<string, A[]>();
    for (const { Id } of users) {
      const assignments = this.pending.get(Id);
      if (assignments) {
        found.set(Id, assignments);
        this.release(Id, assignments);
      }
    }
    this.dropPassed(last);
    this.wakeReader();
    return found;
  }

  /** After the last page of users: what is left matched no user. */
  async finish(): Promise<void> {
    await this.waitUntil(() => false);
    this.dropAll();
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
      this.failure = err;
    } finally {
      this.ended = true;
      this.wakeUsers();
    }
  }

  /** Lets the users catch up, unless they are waiting for assignments. */
  private async pauseWhileAhead(): Promise<void> {
    while (this.held >= READ_AHEAD && !this.usersWaiting && !this.stopped) {
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
    }
  }

  private add(row: R): void {
    const assignee = row.AssigneeId;
    if (this.lastAssignee !== undefined && this.lastAssignee !== assignee) {
      this.order.observe(
        this.lastAssignee,
        assignee,
        'PermissionSetAssignment',
      );
    }
    this.lastAssignee = assignee;
    const assignment = this.options.toAssignment(row);
    if (assignment === undefined) return;
    const list = this.pending.get(assignee);
    if (list) list.push(assignment);
    else this.pending.set(assignee, [assignment]);
    this.held++;
  }

  private release(assignee: string, assignments: A[]): void {
    this.pending.delete(assignee);
    this.held -= assignments.length;
  }

  /** Resolves once `ready` holds or the assignments have ended. */
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
   * Drops the assignments of assignees the users have gone past: they are
   * held in the order they arrived, so the search stops at the first one
   * not passed (any left behind are dropped later, or by `finish`).
   */
  private dropPassed(lastUser: string): void {
    for (const [assignee, assignments] of this.pending) {
      if (!this.order.isPast(lastUser, assignee)) return;
      this.options.onUnmatched(assignments.length);
      this.release(assignee, assignments);
    }
  }

  private dropAll(): void {
    for (const [assignee, assignments] of this.pending) {
      this.options.onUnmatched(assignments.length);
      this.release(assignee, assignments);
    }
  }
}
