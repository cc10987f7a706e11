import type { SubscriptionEvent, SubscriptionStatus } from './domain/subscription-status';
import type { Actor } from './domain/subscription';

/**
 * Every error the mesh service raises on purpose has a stable code. The Slack layer maps codes to
 * what the user sees (one function); anything without a code is unexpected.
 */
export const MeshErrorCode = {
  IllegalTransition: 'mesh_illegal_transition',
  AlreadyDecided: 'mesh_already_decided',
  StaleWrite: 'mesh_stale_write',
  AlreadyExists: 'mesh_already_exists',
  NotFound: 'mesh_not_found',
  MalformedItem: 'mesh_malformed_item',
  InvalidInput: 'mesh_invalid_input',
  NotAuthorized: 'mesh_not_authorized',
  AccountNotEnabled: 'mesh_account_not_enabled',
  AccountNotReady: 'mesh_account_not_ready',
  AwsRefused: 'mesh_aws_refused',
  InvitationExpired: 'mesh_invitation_expired',
  ShareNotReady: 'mesh_share_not_ready',
} as const;

export type MeshErrorCode = (typeof MeshErrorCode)[keyof typeof MeshErrorCode];

/** Base of the mesh's typed errors: a code, a sentence saying why, and a hint saying what to do instead. */
export abstract class MeshError extends Error {
  abstract readonly code: MeshErrorCode;

  constructor(
    message: string,
    /** What the user can do instead, in one sentence. */
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A status-machine move that is not legal from the subscription's current status. */
export class IllegalTransitionError extends MeshError {
  override readonly name = 'IllegalTransitionError';
  readonly code = MeshErrorCode.IllegalTransition;

  constructor(
    readonly from: SubscriptionStatus,
    readonly event: SubscriptionEvent,
    /** The events that are legal from `from`. */
    readonly allowed: readonly SubscriptionEvent[],
  ) {
    super(
      `cannot ${event} a subscription that is ${from}`,
      allowed.length > 0 ? `from ${from} you can: ${allowed.join(', ')}` : `${from} is final: nothing more can happen to it`,
    );
  }
}

/** Somebody else decided first: the loser of a race on a pending subscription. */
export class AlreadyDecidedError extends MeshError {
  override readonly name = 'AlreadyDecidedError';
  readonly code = MeshErrorCode.AlreadyDecided;

  constructor(
    readonly subscriptionId: string,
    readonly status: SubscriptionStatus,
    readonly decidedBy: Actor | undefined,
    readonly decidedAt: string | undefined,
  ) {
    super(
      `subscription ${subscriptionId} was already decided: it is ${status}` +
        (decidedBy ? ` (by ${'userId' in decidedBy ? `<@${decidedBy.userId}>` : decidedBy.system}${decidedAt ? ` at ${decidedAt}` : ''})` : ''),
      'nothing to do: refresh to see the current state',
    );
  }
}

/** A conditional write lost against a newer version of the item. */
export class StaleWriteError extends MeshError {
  override readonly name = 'StaleWriteError';
  readonly code = MeshErrorCode.StaleWrite;

  constructor(
    readonly key: string,
    readonly expectedVersion: number,
    /** The item as it is now (re-read after the failed condition), when it still exists. */
    readonly current: unknown,
    options?: ErrorOptions,
  ) {
    super(`${key} changed while this was being done (expected version ${expectedVersion})`, 'try again on the current state', options);
  }
}

/** Creating something that already exists. */
export class AlreadyExistsError extends MeshError {
  override readonly name = 'AlreadyExistsError';
  readonly code = MeshErrorCode.AlreadyExists;

  constructor(readonly key: string) {
    super(`${key} already exists`);
  }
}

/** Reading something that does not exist. */
export class NotFoundError extends MeshError {
  override readonly name = 'NotFoundError';
  readonly code = MeshErrorCode.NotFound;

  constructor(
    readonly kind: string,
    readonly key: string,
    hint?: string,
  ) {
    super(`no ${kind} ${key}`, hint);
  }
}

/** A stored item that does not parse: names the item and what is wrong with it. */
export class MalformedItemError extends MeshError {
  override readonly name = 'MalformedItemError';
  readonly code = MeshErrorCode.MalformedItem;

  constructor(
    readonly key: string,
    readonly problems: string,
  ) {
    super(`stored item ${key} is malformed: ${problems}`, 'an operator must repair or restore this item');
  }
}

/** Input that does not satisfy a rule; `problems` lists each, with its path. */
export class InvalidInputError extends MeshError {
  override readonly name = 'InvalidInputError';
  readonly code = MeshErrorCode.InvalidInput;
}

/** The acting user may not do this; the message says why and the hint who can. */
export class NotAuthorizedError extends MeshError {
  override readonly name = 'NotAuthorizedError';
  readonly code = MeshErrorCode.NotAuthorized;
}

/** The account was never enabled in the mesh for this role. */
export class AccountNotEnabledError extends MeshError {
  override readonly name = 'AccountNotEnabledError';
  readonly code = MeshErrorCode.AccountNotEnabled;

  constructor(
    readonly accountId: string,
    readonly as: 'producer' | 'consumer',
  ) {
    super(`account ${accountId} is not enabled as a ${as}`, `a mesh admin can enable it with \`/mesh admin enable ${accountId} ${as}\``);
  }
}

/** The account's Lake Formation settings do not allow the mesh to work; `missing` lists what to change. */
export class AccountNotReadyError extends MeshError {
  override readonly name = 'AccountNotReadyError';
  readonly code = MeshErrorCode.AccountNotReady;

  constructor(
    readonly accountId: string,
    readonly missing: readonly string[],
    hint = 'change these settings in the account, then enable it again',
  ) {
    super(`account ${accountId} is not ready for the mesh: ${missing.join('; ')}`, hint);
  }
}

/** AWS refused an operation for a reason a person must fix (permissions, roles); carries the AWS code. */
export class AwsRefusedError extends MeshError {
  override readonly name = 'AwsRefusedError';
  readonly code = MeshErrorCode.AwsRefused;

  constructor(
    readonly awsCode: string,
    message: string,
    hint: string,
    options?: ErrorOptions,
  ) {
    super(message, hint, options);
  }
}

/** The RAM invitation of a share expired before the consumer accepted it. */
export class InvitationExpiredError extends MeshError {
  override readonly name = 'InvitationExpiredError';
  readonly code = MeshErrorCode.InvitationExpired;

  constructor(
    readonly invitationArn: string,
    readonly consumerAccountId: string,
  ) {
    super(
      `the share invitation to account ${consumerAccountId} expired before it was accepted (${invitationArn})`,
      'retry the subscription: the grant is sent again and a new invitation is accepted at once',
    );
  }
}

/**
 * The RAM share of a grant has not reached the consumer account yet: RAM associates resources and
 * sends invitations asynchronously, so the grant is done but not yet usable there.
 */
export class ShareNotReadyError extends MeshError {
  override readonly name = 'ShareNotReadyError';
  readonly code = MeshErrorCode.ShareNotReady;

  constructor(
    readonly consumerAccountId: string,
    /** What is still missing, e.g. `no invitation yet for share arn:aws:ram:…`. */
    readonly waitingFor: string,
  ) {
    super(`the RAM share of the grant has not reached account ${consumerAccountId} yet (${waitingFor})`, 'nothing to do: the bot checks again every few minutes and says when it is usable');
  }
}
