import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAccessRequestMessage } from '../../../src/bot/blocks/access-request-message';
import { buildAccountListMessage } from '../../../src/bot/blocks/account-list-message';
import { buildAlreadyDecidedMessage } from '../../../src/bot/blocks/already-decided-message';
import { buildConfirmationMessage } from '../../../src/bot/blocks/confirmation-message';
import { buildErrorMessage } from '../../../src/bot/blocks/error-message';
import { buildHelpMessage } from '../../../src/bot/blocks/help-message';
import { buildPendingReminderMessage } from '../../../src/bot/blocks/pending-reminder-message';
import { buildProductCard } from '../../../src/bot/blocks/product-card';
import { buildProductListMessage } from '../../../src/bot/blocks/product-list-message';
import { buildRequestOutcomeMessage } from '../../../src/bot/blocks/request-outcome-message';
import { buildRequestReceivedMessage } from '../../../src/bot/blocks/request-received-message';
import { buildSubscriptionDetailMessage } from '../../../src/bot/blocks/subscription-detail-message';
import { buildSubscriptionListMessage } from '../../../src/bot/blocks/subscription-list-message';
import { buildWhoamiMessage } from '../../../src/bot/blocks/whoami-message';
import { dataProductArb, hostileText, meshAccountArb, nowArb, slackUserArb, subscriptionArb } from './domain-arbitraries';
import { slackLimitViolations } from './slack-limits-check';

const RUNS = { numRuns: 60 };

describe('every message builder, for arbitrary domain objects', () => {
  it('keeps the product card and product lists within Slack limits', () => {
    fc.assert(
      fc.property(dataProductArb, fc.array(dataProductArb, { maxLength: 20 }), fc.option(hostileText(300), { nil: undefined }), fc.option(hostileText(2100), { nil: undefined }), (product, products, query, cursor) => {
        expect(slackLimitViolations(buildProductCard(product), 'message')).toEqual([]);
        const list = buildProductListMessage({ page: { items: products, ...(cursor !== undefined ? { nextCursor: cursor } : {}) }, ...(query !== undefined ? { query } : {}) });
        expect(slackLimitViolations(list, 'message')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps every message about a subscription within Slack limits', () => {
    fc.assert(
      fc.property(subscriptionArb, dataProductArb, fc.constantFrom('owner' as const, 'admin' as const), nowArb, (subscription, product, recipient, now) => {
        const built = [
          buildAccessRequestMessage({ subscription, product, recipient, now }),
          buildPendingReminderMessage({ subscription, product, recipient, now }),
          buildRequestReceivedMessage({ subscription, product, now }),
          buildRequestOutcomeMessage({ subscription, product }),
          buildAlreadyDecidedMessage(subscription),
          buildSubscriptionDetailMessage({ subscription, product }),
          buildSubscriptionDetailMessage({ subscription }),
        ];
        for (const message of built) expect(slackLimitViolations(message, 'message')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps subscription and account lists within Slack limits', () => {
    fc.assert(
      fc.property(fc.array(subscriptionArb, { maxLength: 20 }), fc.array(meshAccountArb, { maxLength: 20 }), hostileText(200, 1), hostileText(500), nowArb, (subs, accounts, title, emptyText, now) => {
        expect(slackLimitViolations(buildSubscriptionListMessage({ title, page: { items: subs, nextCursor: 'c' }, emptyText, now }), 'message')).toEqual([]);
        expect(slackLimitViolations(buildAccountListMessage({ items: accounts }), 'message')).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps whoami, help, confirmations and errors within Slack limits', () => {
    fc.assert(
      fc.property(slackUserArb, fc.boolean(), hostileText(20_000), hostileText(5000), hostileText(5000), fc.option(hostileText(300), { nil: undefined }), (user, admin, usage, message, hint, reference) => {
        const identity = { user, personas: [{ accountId: '999999999999', kind: 'consumer' as const }], updatedAt: '2026-11-01T00:00:00.000Z', version: 1 };
        const built = [
          buildWhoamiMessage({ user, identity, meshAdmin: admin }),
          buildHelpMessage(usage),
          buildConfirmationMessage(message, hint),
          buildErrorMessage({ message, hint, ...(reference !== undefined ? { reference } : {}) }),
        ];
        for (const m of built) expect(slackLimitViolations(m, 'message')).toEqual([]);
      }),
      RUNS,
    );
  });
});
