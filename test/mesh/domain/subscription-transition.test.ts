import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SUBSCRIPTION_EVENTS,
  SUBSCRIPTION_STATUSES,
  type SubscriptionEvent,
  type SubscriptionStatus,
} from '../../../src/mesh/domain/subscription-status';
import { allowedEvents, isFinal, transition } from '../../../src/mesh/domain/subscription-transition';
import { IllegalTransitionError, MeshErrorCode } from '../../../src/mesh/errors';

// Written out independently of SUBSCRIPTION_TRANSITIONS so that a change to the machine must change this list too.
const LEGAL: ReadonlyArray<readonly [SubscriptionStatus, SubscriptionEvent, SubscriptionStatus]> = [
  ['PENDING', 'approve', 'GRANTING'],
  ['PENDING', 'deny', 'DENIED'],
  ['PENDING', 'cancel', 'CANCELLED'],
  ['PENDING', 'expire', 'EXPIRED'],
  ['GRANTING', 'grant-succeeded', 'ACTIVE'],
  ['GRANTING', 'grant-failed', 'FAILED'],
  ['GRANTING', 'share-pending', 'GRANTING'],
  ['GRANTING', 'retry', 'GRANTING'],
  ['FAILED', 'retry', 'GRANTING'],
  ['FAILED', 'revoke', 'REVOKING'],
  ['ACTIVE', 'modify', 'MODIFYING'],
  ['MODIFYING', 'modify-succeeded', 'ACTIVE'],
  ['MODIFYING', 'grant-failed', 'FAILED'],
  ['MODIFYING', 'retry', 'MODIFYING'],
  ['ACTIVE', 'revoke', 'REVOKING'],
  ['REVOKING', 'revoke-succeeded', 'REVOKED'],
  ['REVOKING', 'retry', 'REVOKING'],
];

const FINAL: readonly SubscriptionStatus[] = ['DENIED', 'CANCELLED', 'EXPIRED', 'REVOKED'];

function legalTarget(from: SubscriptionStatus, event: SubscriptionEvent): SubscriptionStatus | undefined {
  return LEGAL.find(([f, e]) => f === from && e === event)?.[2];
}

function legalEvents(from: SubscriptionStatus): SubscriptionEvent[] {
  return SUBSCRIPTION_EVENTS.filter((event) => legalTarget(from, event) !== undefined);
}

const ALL_PAIRS = SUBSCRIPTION_STATUSES.flatMap((from) => SUBSCRIPTION_EVENTS.map((event) => [from, event] as const));

describe('transition', () => {
  it.each(ALL_PAIRS.filter(([from, event]) => legalTarget(from, event) !== undefined))('%s —%s→ legal', (from, event) => {
    const result = transition(from, event);

    expect(result).toEqual({ ok: true, to: legalTarget(from, event) });
  });

  it.each(ALL_PAIRS.filter(([from, event]) => legalTarget(from, event) === undefined))('%s —%s→ refused', (from, event) => {
    const result = transition(from, event);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(IllegalTransitionError);
    expect(result.error.code).toBe(MeshErrorCode.IllegalTransition);
    expect(result.error.from).toBe(from);
    expect(result.error.event).toBe(event);
    expect(result.error.allowed).toEqual(legalEvents(from));
    expect(result.error.message).toContain(from);
    const legal = legalEvents(from);
    if (legal.length === 0) {
      expect(result.error.hint).toBe(`${from} is final: nothing more can happen to it`);
    } else {
      expect(result.error.hint).toBe(`from ${from} you can: ${legal.join(', ')}`);
    }
  });

  it('covers every (status, event) pair', () => {
    expect(ALL_PAIRS).toHaveLength(SUBSCRIPTION_STATUSES.length * SUBSCRIPTION_EVENTS.length);
  });
});

describe('allowedEvents and isFinal', () => {
  it.each(SUBSCRIPTION_STATUSES)('%s', (status) => {
    expect(allowedEvents(status)).toEqual(legalEvents(status));
    expect(isFinal(status)).toBe(FINAL.includes(status));
  });
});

describe('status machine properties', () => {
  const events = fc.array(fc.constantFrom(...SUBSCRIPTION_EVENTS), { maxLength: 40 });

  it('from PENDING, any event sequence stays inside the machine; final statuses accept nothing; ACTIVE stays ACTIVE only by modify', () => {
    fc.assert(
      fc.property(events, (sequence) => {
        let status: SubscriptionStatus = 'PENDING';
        for (const event of sequence) {
          const result = transition(status, event);
          if (isFinal(status)) expect(result.ok).toBe(false);
          if (!result.ok) continue;
          expect(SUBSCRIPTION_STATUSES).toContain(result.to);
          if (status === 'ACTIVE' && result.to === 'ACTIVE') expect(event).toBe('modify');
          status = result.to;
        }
      }),
    );
  });

  it('a legal move names a legal event, and an illegal move lists exactly the legal ones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUBSCRIPTION_STATUSES), fc.constantFrom(...SUBSCRIPTION_EVENTS), (from, event) => {
        const result = transition(from, event);
        expect(allowedEvents(from).includes(event)).toBe(result.ok);
        if (!result.ok) expect(result.error.allowed).toEqual(allowedEvents(from));
      }),
    );
  });
});
