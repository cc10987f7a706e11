import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../src/mesh/domain/permission';
import { escapeMrkdwn } from '../../../src/bot/blocks/mrkdwn';
import { buildAppHome } from '../../../src/bot/views/app-home';
import { APPROVE_BLOCKS, buildApproveWithChangesModal, initialApproveDraft, readApproveDraft } from '../../../src/bot/views/approve-modal';
import { buildDenyModal } from '../../../src/bot/views/deny-modal';
import { buildLoadingModal } from '../../../src/bot/views/loading-modal';
import { parseRequestModal } from '../../../src/bot/views/parse-request-modal';
import { buildRequestModal, REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import { buildRevokeModal } from '../../../src/bot/views/revoke-modal';
import { tableOptionValue, longTableNames } from '../../../src/bot/views/table-options';
import { accountIdArb, dataProductArb, hostileText, nowArb, permissionsArb, slackUserArb, subscriptionArb } from '../blocks/domain-arbitraries';
import { slackLimitViolations } from '../blocks/slack-limits-check';
import { submittedState } from './modal-state';

const RUNS = { numRuns: 60 };

describe('every view builder, for arbitrary domain objects', () => {
  it('keeps the request modal within Slack limits, whatever the prefill', () => {
    fc.assert(
      fc.property(
        dataProductArb,
        fc.uniqueArray(accountIdArb, { maxLength: 120 }),
        fc.record({ tables: fc.array(hostileText(255)), permissions: permissionsArb, reason: hostileText(5000), consumerAccountId: accountIdArb }, { requiredKeys: [] }),
        (product, consumerAccounts, prefill) => {
          expect(slackLimitViolations(buildRequestModal({ product, consumerAccounts, prefill }), 'modal')).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('keeps the approve, deny, revoke and loading modals within Slack limits, and the preview through any state', () => {
    fc.assert(
      fc.property(subscriptionArb, fc.option(dataProductArb, { nil: undefined }), permissionsArb, hostileText(3000), hostileText(3000), hostileText(50), (subscription, product, chosen, columns, notes, title) => {
        const withProduct = product ? { product } : {};
        const approve = buildApproveWithChangesModal({ subscription, ...withProduct });
        const state = submittedState(approve, { [APPROVE_BLOCKS.permissions]: chosen, [APPROVE_BLOCKS.columns]: columns, [APPROVE_BLOCKS.notes]: notes });
        const built = [
          approve,
          buildApproveWithChangesModal({ subscription, ...withProduct, draft: readApproveDraft(state, initialApproveDraft(subscription)), preview: { ok: false, problem: `:warning: ${escapeMrkdwn(notes)}` } }),
          buildDenyModal({ subscription, ...withProduct }),
          buildRevokeModal({ subscription, ...withProduct }),
          buildLoadingModal({ title, text: notes }),
        ];
        for (const view of built) expect(slackLimitViolations(view, 'modal')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps the App Home within 100 blocks and every other limit', () => {
    fc.assert(
      fc.property(
        slackUserArb,
        fc.array(subscriptionArb, { maxLength: 14 }),
        fc.array(dataProductArb, { maxLength: 14 }),
        fc.array(subscriptionArb, { maxLength: 14 }),
        fc.option(fc.nat(100_000), { nil: undefined }),
        nowArb,
        (user, waiting, products, subscriptions, total, now) => {
          const view = buildAppHome({ user, waiting: { items: waiting, ...(total !== undefined ? { total } : {}) }, products: { items: products }, subscriptions: { items: subscriptions }, now });
          expect(slackLimitViolations(view, 'home')).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('request modal round trip', () => {
  it('parses back exactly the tables, permissions, reason and account chosen', () => {
    fc.assert(
      fc.property(
        dataProductArb.filter((p) => p.tables.length > 0),
        fc.uniqueArray(accountIdArb, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        hostileText(4096, 1),
        (product, accounts, tablePick, accountPick, reason) => {
          const view = buildRequestModal({ product, consumerAccounts: accounts });
          const longTables = longTableNames(product.tables);
          // Tables that can travel (all but 150+ character names past the metadata budget).
          const carried = product.tables.filter((t) => tableOptionValue(t, longTables) !== undefined);
          const tables = carried.filter((_, i) => (tablePick >> (i % 30)) & 1 || i === 0);
          const account = accounts[accountPick % accounts.length]!;
          const permissions = PERMISSIONS.filter((p) => product.offeredPermissions.includes(p));
          const state = submittedState(view, {
            [REQUEST_BLOCKS.tables]: tables.map((t) => tableOptionValue(t, longTables)!),
            [REQUEST_BLOCKS.permissions]: permissions,
            [REQUEST_BLOCKS.reason]: reason,
            [REQUEST_BLOCKS.columns]: '',
            [REQUEST_BLOCKS.account]: account,
          });
          expect(parseRequestModal(state, view.private_metadata)).toEqual({
            ok: true,
            value: { productId: product.id, consumerAccountId: account, tables, permissions, justification: reason.trim() },
          });
        },
      ),
      RUNS,
    );
  });
});
