import { describe, expect, it } from 'vitest';
import type { DataProduct } from '../../../src/mesh/domain/data-product';
import type { Persona } from '../../../src/mesh/domain/identity';
import type { Actor } from '../../../src/mesh/rules/actor';
import { canAdminister } from '../../../src/mesh/rules/can-administer';
import { canCancel } from '../../../src/mesh/rules/can-cancel';
import { canDecide } from '../../../src/mesh/rules/can-decide';
import { canPublish } from '../../../src/mesh/rules/can-publish';
import { canRequest } from '../../../src/mesh/rules/can-request';
import { canRevoke } from '../../../src/mesh/rules/can-revoke';
import { canReadSubscriptions, canSeeSubscription } from '../../../src/mesh/rules/can-see-subscription';
import { pendingSubscription } from '../../support/subscription-fixture';

const user = (userId: string, teamId = 'T0SANDBOX') => ({ teamId, userId });
const actor = (userId: string, personas: Persona[] = [], meshAdmin = false, teamId = 'T0SANDBOX'): Actor => ({
  user: user(userId, teamId),
  identity: { user: user(userId, teamId), personas, updatedAt: '2026-11-23T09:00:00.000Z', version: 1 },
  meshAdmin,
});
const pat = actor('U0PRODUCER', [{ accountId: '111111111111', kind: 'producer' }]);
const casey = actor('U0CONSUMER', [{ accountId: '999999999999', kind: 'consumer' }]);
const ada = actor('U0ADMIN', [], true);
const stranger = actor('U0STRANGER');
const product = { id: 'telco-111111111111', owners: [pat.user] } as DataProduct;
const request = pendingSubscription('01JD0000000000000000000000');

describe('canDecide', () => {
  it('allows an owner and a mesh admin', () => {
    expect(canDecide(pat, product, request)).toEqual({ allowed: true });
    expect(canDecide(ada, product, request)).toEqual({ allowed: true });
  });

  it('refuses a non-owner, naming the owners to ask', () => {
    expect(canDecide(stranger, product, request)).toEqual({
      allowed: false,
      refusal: {
        reason: 'not_product_owner',
        params: { productId: 'telco-111111111111', owners: [pat.user] },
        message: 'you are not an owner of product telco-111111111111',
        hint: 'ask an owner (U0PRODUCER) or a mesh admin',
      },
    });
  });

  it('refuses the requester even when they own the product or are an admin', () => {
    const ownRequest = pendingSubscription('01JD0000000000000000000001', { requester: ada.user });
    expect(canDecide(ada, product, ownRequest)).toMatchObject({ allowed: false, refusal: { reason: 'own_request', message: 'you cannot decide on your own request' } });
  });

  it('refuses the owner id from another workspace', () => {
    expect(canDecide(actor('U0PRODUCER', [], false, 'T0OTHER'), product, request).allowed).toBe(false);
  });
});

describe('canRequest', () => {
  it('allows a consumer of the account and a mesh admin', () => {
    expect(canRequest(casey, '999999999999')).toEqual({ allowed: true });
    expect(canRequest(ada, '999999999999')).toEqual({ allowed: true });
  });

  it('refuses another account, naming the ones the user may use', () => {
    expect(canRequest(casey, '888888888888')).toMatchObject({
      allowed: false,
      refusal: { reason: 'not_consumer_of_account', params: { accountId: '888888888888', mappedAccounts: ['999999999999'] }, hint: expect.stringContaining('999999999999') as unknown },
    });
  });

  it('refuses an unmapped user, saying how to get mapped', () => {
    // The Slack wording (`/mesh admin map @you <account> consumer`) is the bot's: test/bot/error-message.test.ts.
    expect(canRequest(stranger, '999999999999')).toMatchObject({
      allowed: false,
      refusal: { reason: 'not_consumer_of_account', params: { accountId: '999999999999', mappedAccounts: [] }, hint: expect.stringContaining('ask a mesh admin to map you') as unknown },
    });
  });

  it('refuses a producer persona for requesting', () => {
    expect(canRequest(pat, '111111111111').allowed).toBe(false);
  });
});

describe('canPublish', () => {
  it('allows the producer of the account and a mesh admin', () => {
    expect(canPublish(pat, '111111111111')).toEqual({ allowed: true });
    expect(canPublish(ada, '111111111111')).toEqual({ allowed: true });
  });

  it('refuses another account and a consumer', () => {
    expect(canPublish(pat, '222222222222').allowed).toBe(false);
    expect(canPublish(casey, '999999999999').allowed).toBe(false);
  });
});

describe('canRevoke', () => {
  it('allows owners, admins, the requester and the consumer account', () => {
    const colleague = actor('U0COLLEAGUE', [{ accountId: '999999999999', kind: 'consumer' }]);
    for (const who of [pat, ada, casey, colleague]) expect(canRevoke(who, product, request)).toEqual({ allowed: true });
  });

  it('refuses anyone else', () => {
    expect(canRevoke(stranger, product, request).allowed).toBe(false);
  });
});

describe('canCancel', () => {
  it('allows the requester and a mesh admin only', () => {
    expect(canCancel(casey, request)).toEqual({ allowed: true });
    expect(canCancel(ada, request)).toEqual({ allowed: true });
    expect(canCancel(pat, request)).toMatchObject({ allowed: false, refusal: { reason: 'not_requester', params: { requester: request.requester }, hint: 'ask user U0CONSUMER, or deny it if you own the product' } });
  });
});

describe('canAdminister', () => {
  it('allows mesh admins only', () => {
    const admins = [{ userId: 'U0ADMIN' }];
    expect(canAdminister(ada, admins)).toEqual({ allowed: true });
    expect(canAdminister(pat, admins)).toMatchObject({ allowed: false, refusal: { reason: 'not_mesh_admin', params: { meshAdmins: admins } } });
  });
});

describe('canReadSubscriptions and canSeeSubscription', () => {
  const otherProducer = actor('U0OTHERPROD', [{ accountId: '222222222222', kind: 'producer' }]);
  const ownerOnly = actor('U0OWNERONLY', [{ accountId: '222222222222', kind: 'consumer' }]);

  it('lets mapped people read, and nobody mapped to no account', () => {
    expect(canReadSubscriptions(casey)).toEqual({ allowed: true });
    expect(canReadSubscriptions(ada)).toEqual({ allowed: true });
    expect(canReadSubscriptions(stranger).allowed).toBe(false);
  });

  it('shows a subscription to its requester, its accounts’ people, its product’s owners and admins, and to no one else', () => {
    expect(canSeeSubscription(casey, request)).toEqual({ allowed: true });
    expect(canSeeSubscription(pat, request)).toEqual({ allowed: true });
    expect(canSeeSubscription(ada, request)).toEqual({ allowed: true });
    expect(canSeeSubscription(otherProducer, request).allowed).toBe(false);
    expect(canSeeSubscription(ownerOnly, request).allowed).toBe(false);
    expect(canSeeSubscription(ownerOnly, request, [ownerOnly.user])).toEqual({ allowed: true });
    expect(canSeeSubscription(actor('U0CONSUMER', [], false, 'T0OTHER'), request).allowed).toBe(false);
  });
});
