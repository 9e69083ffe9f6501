import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import { Assignment } from '../../access';
import { IntegrationConfig } from '../../config';
import {
  SalesforceTwoFactorMethodsInfo,
  SalesforceUserLogin,
} from '../../salesforce/objects';
import { StepLedger } from '../ledger';
import { readAssignments } from './assignments';
import { FROZEN_USERS } from './frozenUsers';
import { IdOrder } from './idOrder';
import { MergeByUser } from './mergeByUser';
import { readOptionalFacts } from './optionalFacts';
import { SECOND_FACTORS } from './secondFactors';

/** What the users of one page hold, by user id. */
export interface PageFacts {
  assignments: (userId: string) => Assignment[];
  /** Unknown (undefined) when TwoFactorMethodsInfo could not be read. */
  mfaEnabled: (userId: string) => boolean | undefined;
  /** Unknown (undefined) when UserLogin could not be read. */
  frozen: (userId: string) => boolean | undefined;
}

/**
 * The objects read alongside the users, sorted by user, and matched with
 * each page of users as it arrives (see MergeByUser): permission set
 * assignments, second factors and frozen logins. Call `forPage` with each
 * page of users in order, then `finish`, and `stop` in any case.
 */
export class ReadAlongsideUsers {
  /** Also counts the relationships drawn from the assignments. */
  readonly assignmentLedger: StepLedger;
  private readonly secondFactorLedger: StepLedger;
  private readonly frozenLedger: StepLedger;
  private readonly assignments: ReturnType<typeof readAssignments>;
  private readonly secondFactors: MergeByUser<
    SalesforceTwoFactorMethodsInfo,
    boolean
  >;
  private readonly frozenUsers: MergeByUser<SalesforceUserLogin, boolean>;

  constructor(
    private readonly context: IntegrationStepExecutionContext<IntegrationConfig>,
  ) {
    const order = new IdOrder();
    this.assignmentLedger = new StepLedger(context, 'PermissionSetAssignment');
    this.secondFactorLedger = new StepLedger(context, 'TwoFactorMethodsInfo');
    this.frozenLedger = new StepLedger(context, 'UserLogin');
    this.assignments = readAssignments(context, this.assignmentLedger, order);
    this.secondFactors = readOptionalFacts(
      context,
      this.secondFactorLedger,
      order,
      SECOND_FACTORS,
    );
    this.frozenUsers = readOptionalFacts(
      context,
      this.frozenLedger,
      order,
      FROZEN_USERS,
    );
  }

  async forPage(users: { Id: string }[]): Promise<PageFacts> {
    const [assigned, factors, frozen] = await Promise.all([
      this.assignments.forUsers(users),
      this.secondFactors.forUsers(users),
      this.frozenUsers.forUsers(users),
    ]);
    return {
      assignments: (userId) => assigned.get(userId) ?? [],
      mfaEnabled: flagOf(factors, this.secondFactors.readable),
      frozen: flagOf(frozen, this.frozenUsers.readable),
    };
  }

  /** After the last page: counts what matched no user, and logs it. */
  async finish(): Promise<void> {
    await Promise.all([
      this.assignments.finish(),
      this.secondFactors.finish(),
      this.frozenUsers.finish(),
    ]);
    this.assignmentLedger.finish();
    this.secondFactorLedger.finish();
    this.frozenLedger.finish();
    this.context.logger.info(
      {
        assignments: this.assignments.peakHeld,
        secondFactors: this.secondFactors.peakHeld,
        frozenLogins: this.frozenUsers.peakHeld,
      },
      // Pages read early and not yet merged are not counted: ten at most.
      'Most rows held at once waiting for their users',
    );
  }

  async stop(): Promise<void> {
    await Promise.all([
      this.assignments.stop(),
      this.secondFactors.stop(),
      this.frozenUsers.stop(),
    ]);
  }
}

/**
 * Whether any of a user's rows says so; unknown (undefined) for everyone
 * once the rows could not be read.
 */
function flagOf(
  values: Map<string, boolean[]>,
  known: boolean,
): (userId: string) => boolean | undefined {
  return (userId) =>
    known ? (values.get(userId) ?? []).includes(true) : undefined;
}
