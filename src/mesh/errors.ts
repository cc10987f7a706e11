import type { SubscriptionEvent, SubscriptionStatus } from './domain/subscription-status';
import type { Actor } from './domain/actor';
import { MeshErrorCode } from './error-codes';
import type { InputPath, Reason, ReasonOf, ReasonParams, Refusal, RefusalShape } from './error-reasons';

export { MeshErrorCode } from './error-codes';

/**
 * Base of the mesh's typed errors: a code, a reason with its typed params, the input path it
 * concerns, and a plain-English sentence (the message) and hint for logs and callers outside Slack.
 */
export abstract class MeshError extends Error {
  abstract readonly code: MeshErrorCode;
  /** Which refusal this is, finer than the code. */
  readonly reason: Reason;
  /** The refusal's typed facts. */
  readonly params: ReasonParams[Reason];
  /** The input the refusal concerns (`['tables']`, `['columns', 'kpis']`); undefined when none. */
  readonly path: InputPath | undefined;
  /** What to do instead, in one plain-English sentence. */
  readonly hint: string | undefined;

  constructor(refusal: RefusalShape<Reason>, options?: ErrorOptions) {
    super(refusal.message, options);
    this.reason = refusal.reason;
    this.params = refusal.params;
    this.path = refusal.path;
    this.hint = refusal.hint;
  }
}

/** A MeshError of the reasons `R`: its constructor takes only those, each with its own params. */
abstract class ReasonedError<R extends Reason> extends MeshError {
  declare readonly reason: R;
  declare readonly params: ReasonParams[R];

  // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- narrows what the base takes: each reason of R with exactly its params
  constructor(refusal: Refusal<R>, options?: ErrorOptions) {
    super(refusal, options);
  }
}

/** A status-machine move that is not legal from the subscription's current status. */
export class IllegalTransitionError extends ReasonedError<'illegal_transition'> {
  override readonly name = 'IllegalTransitionError';
  readonly code = MeshErrorCode.IllegalTransition;

  constructor(
    readonly from: SubscriptionStatus,
    readonly event: SubscriptionEvent,
    /** The events that are legal from `from`. */
    readonly allowed: readonly SubscriptionEvent[],
  ) {
    super({
      reason: 'illegal_transition',
      params: { from, event, allowed },
      message: `cannot ${event} a subscription that is ${from}`,
      hint: allowed.length > 0 ? `from ${from} you can: ${allowed.join(', ')}` : `${from} is final: nothing more can happen to it`,
    });
  }
}

/** Somebody else decided first: the loser of a race on a pending subscription. */
export class AlreadyDecidedError extends ReasonedError<'already_decided'> {
  override readonly name = 'AlreadyDecidedError';
  readonly code = MeshErrorCode.AlreadyDecided;

  constructor(
    readonly subscriptionId: string,
    readonly status: SubscriptionStatus,
    readonly decidedBy: Actor | undefined,
    readonly decidedAt: string | undefined,
  ) {
    super({
      reason: 'already_decided',
      params: { subscriptionId, status, decidedBy, decidedAt },
      message:
        `subscription ${subscriptionId} was already decided: it is ${status}` +
        (decidedBy ? ` (by ${'userId' in decidedBy ? `user ${decidedBy.userId}` : decidedBy.system}${decidedAt ? ` at ${decidedAt}` : ''})` : ''),
      hint: 'nothing to do: refresh to see the current state',
    });
  }
}

/** A conditional write lost against a newer version of the item. */
export class StaleWriteError extends ReasonedError<'stale_write'> {
  override readonly name = 'StaleWriteError';
  readonly code = MeshErrorCode.StaleWrite;

  constructor(
    readonly key: string,
    readonly expectedVersion: number,
    /** The item as it is now (re-read after the failed condition), when it still exists. */
    readonly current: unknown,
    options?: ErrorOptions,
  ) {
    super(
      {
        reason: 'stale_write',
        params: { key, expectedVersion },
        message: `${key} changed while this was being done (expected version ${expectedVersion})`,
        hint: 'try again on the current state',
      },
      options,
    );
  }
}

/** Creating something that already exists. */
export class AlreadyExistsError extends ReasonedError<'already_exists'> {
  override readonly name = 'AlreadyExistsError';
  readonly code = MeshErrorCode.AlreadyExists;

  constructor(readonly key: string) {
    super({ reason: 'already_exists', params: { key }, message: `${key} already exists` });
  }
}

/** Reading something that does not exist (or that the user may not know exists). */
export class NotFoundError extends ReasonedError<ReasonOf<'mesh_not_found'>> {
  override readonly name = 'NotFoundError';
  readonly code = MeshErrorCode.NotFound;
}

/** A subscription id that names none. */
export function subscriptionNotFound(subscriptionId: string, path?: InputPath): NotFoundError {
  return new NotFoundError({ reason: 'subscription_not_found', params: { subscriptionId }, path, message: `no subscription ${subscriptionId}`, hint: 'check the id in the list of subscriptions' });
}

/** A product id (or mesh database name) that names none. */
export function productNotFound(productId: string, path?: InputPath): NotFoundError {
  return new NotFoundError({ reason: 'product_not_found', params: { productId }, path, message: `no data product ${productId}`, hint: 'see the published products' });
}

/** A stored item that does not parse: names the item and what is wrong with it. */
export class MalformedItemError extends ReasonedError<'malformed_item'> {
  override readonly name = 'MalformedItemError';
  readonly code = MeshErrorCode.MalformedItem;

  constructor(
    readonly key: string,
    readonly problems: string,
  ) {
    super({ reason: 'malformed_item', params: { key, problems }, message: `stored item ${key} is malformed: ${problems}`, hint: 'an operator must repair or restore this item' });
  }
}

/** The problems of one input, at least one. */
export type InputProblems = readonly [Refusal<ReasonOf<'mesh_invalid_input'>>, ...Refusal<ReasonOf<'mesh_invalid_input'>>[]];

/**
 * Input that does not satisfy a rule. Input checks name every problem at once: `problems` lists each
 * with its reason and path, the first being the error's own; the message joins their sentences.
 */
export class InvalidInputError extends ReasonedError<ReasonOf<'mesh_invalid_input'>> {
  override readonly name = 'InvalidInputError';
  readonly code = MeshErrorCode.InvalidInput;
  /** Every problem found, in order; the first is this error's reason, params and path. */
  readonly problems: InputProblems;

  constructor(problems: Refusal<ReasonOf<'mesh_invalid_input'>> | InputProblems) {
    const all: InputProblems = Array.isArray(problems) ? (problems as InputProblems) : [problems as Refusal<ReasonOf<'mesh_invalid_input'>>];
    const hints = [...new Set(all.flatMap((p) => (p.hint === undefined ? [] : [p.hint])))];
    super({ ...all[0], message: all.map((p) => p.message).join('; '), hint: hints.length > 0 ? hints.join('; ') : undefined });
    this.problems = all;
  }
}

/** The acting user may not do this; the message says why and the hint who can. */
export class NotAuthorizedError extends ReasonedError<ReasonOf<'mesh_not_authorized'>> {
  override readonly name = 'NotAuthorizedError';
  readonly code = MeshErrorCode.NotAuthorized;
}

/** The account was never enabled in the mesh for this role; `path` is the input that named it. */
export class AccountNotEnabledError extends ReasonedError<'account_not_enabled'> {
  override readonly name = 'AccountNotEnabledError';
  readonly code = MeshErrorCode.AccountNotEnabled;

  constructor(
    readonly accountId: string,
    readonly as: 'producer' | 'consumer',
    path?: InputPath,
  ) {
    super({
      reason: 'account_not_enabled',
      params: { accountId, as },
      path,
      message: `account ${accountId} is not enabled as a ${as}`,
      hint: `a mesh admin can enable it as a ${as}`,
    });
  }
}

/** The account does not let the mesh work (its Lake Formation settings, or its buckets); `missing` lists what to change. */
export class AccountNotReadyError extends ReasonedError<ReasonOf<'mesh_account_not_ready'>> {
  override readonly name = 'AccountNotReadyError';
  readonly code = MeshErrorCode.AccountNotReady;

  constructor(
    readonly accountId: string,
    readonly missing: readonly string[],
    /** `locations_not_readable`: the mesh cannot read the source data, which the buckets' policies decide. */
    reason: ReasonOf<'mesh_account_not_ready'> = 'account_not_ready',
  ) {
    const message = `account ${accountId} is not ready for the mesh: ${missing.join('; ')}`;
    super(
      reason === 'account_not_ready'
        ? { reason, params: { accountId, missing }, message, hint: 'change these settings in the account, then enable it again' }
        : { reason, params: { accountId, problems: missing }, message, hint: 'add the statement of the deploy guide ("Where the data is read from") to each bucket\'s policy, then publish again' },
    );
  }
}

/** AWS refused an operation for a reason a person must fix (permissions, roles); carries the AWS code. */
export class AwsRefusedError extends ReasonedError<'aws_refused'> {
  override readonly name = 'AwsRefusedError';
  readonly code = MeshErrorCode.AwsRefused;

  constructor(
    readonly awsCode: string,
    message: string,
    hint: string,
    options?: ErrorOptions,
  ) {
    super({ reason: 'aws_refused', params: { awsCode, problem: message, advice: hint }, message, hint }, options);
  }
}

/** The RAM invitation of a share expired before the consumer accepted it. */
export class InvitationExpiredError extends ReasonedError<'invitation_expired'> {
  override readonly name = 'InvitationExpiredError';
  readonly code = MeshErrorCode.InvitationExpired;

  constructor(
    readonly invitationArn: string,
    readonly consumerAccountId: string,
  ) {
    super({
      reason: 'invitation_expired',
      params: { invitationArn, consumerAccountId },
      message: `the share invitation to account ${consumerAccountId} expired before it was accepted (${invitationArn})`,
      hint: 'retry the subscription: the grant is sent again and a new invitation is accepted at once',
    });
  }
}

/**
 * The RAM share of a grant has not reached the consumer account yet: RAM associates resources and
 * sends invitations asynchronously, so the grant is done but not yet usable there.
 */
export class ShareNotReadyError extends ReasonedError<'share_not_ready'> {
  override readonly name = 'ShareNotReadyError';
  readonly code = MeshErrorCode.ShareNotReady;

  constructor(
    readonly consumerAccountId: string,
    /** What is still missing, e.g. `no invitation yet for share arn:aws:ram:…`. */
    readonly waitingFor: string,
  ) {
    super({
      reason: 'share_not_ready',
      params: { consumerAccountId, waitingFor },
      message: `the RAM share of the grant has not reached account ${consumerAccountId} yet (${waitingFor})`,
      hint: 'nothing to do: the bot checks again every few minutes and says when it is usable',
    });
  }
}
