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
