import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import { APPROVE_BLOCKS, planPreviewLines } from '../../../src/bot/views/approve-modal';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { answersFor, as, clickForModal, current, eventually, messageWith, PEOPLE, offerInsertToo, postProductCard, PRODUCT_ID, requestsOf, requestThroughModal, shown } from './flow-support';

/**
 * Issue 15, "one source of truth for a decision" and "validate against the catalog", through the
 * real Bolt receiver: the approve-with-changes preview is the mesh's own plan, and a column filter
 * naming a column the catalog lacks is refused at request and approval, nothing recorded.
 */

let world: BotWorld;
let card: SlackMessage;

beforeAll(async () => {
  world = await startBotWorld();
  await offerInsertToo(world);
  card = await postProductCard(world);
});
afterAll(async () => {
  await world.close();
});

const KPIS = 'usecase1_cell_kpis';
const CHURN = 'usecase2_customer_churn';

/** The preview section's text of a view as the fake Slack last recorded it. */
function previewText(view: { blocks?: unknown[] } | undefined): string {
  const block = (view?.blocks ?? []).find((b) => (b as { block_id?: string }).block_id === APPROVE_BLOCKS.preview) as { text?: { text?: string } } | undefined;
  return block?.text?.text ?? '';
}

/** Open [Approve with changes] on Sam's copy of the request. */
function openApproveModal(requestId: string) {
  const message = messageWith(world, PEOPLE.sam, requestId, ACTIONS.approveWithChanges);
  return clickForModal(world, PEOPLE.sam, ACTIONS.approveWithChanges, { channel: message.channel, ts: message.ts }, VIEWS.approveWithChanges, requestId);
}

/**
 * Change the modal as an owner would (Slack sends the whole state with a checkbox change) and
 * return the view the bot then wrote with views.update (the preview it shows for that state).
 */
async function changeModal(viewId: string, values: ReturnType<typeof answersFor>, permissions: readonly string[]) {
  const before = world.slack.calls({ method: 'views.update' }).length;
  await world.post({ kind: 'block_actions', user: PEOPLE.sam, actionId: `${ACTIONS.approvePreview}:permissions`, on: { viewId }, selected: [...permissions], values });
  return eventually(() => {
    const update = world.slack.calls({ method: 'views.update' }).slice(before).find((c) => c.args.view_id === viewId);
    if (update === undefined) throw new Error('no preview update yet');
    return update.args.view as { blocks?: unknown[] };
  });
}

describe('validate against the catalog: a column the product lacks', () => {
  it('is refused at request under the columns field, naming the table and its real columns (partition keys too); nothing is recorded', async () => {
    const before = await requestsOf(world, PEOPLE.casey);
    const view = await clickForModal(world, PEOPLE.casey, ACTIONS.requestAccess, { channel: card.channel, ts: card.ts }, VIEWS.request);
    const refused = await world.post({
      kind: 'view_submission',
      viewId: view.id,
      values: answersFor(view, { [REQUEST_BLOCKS.tables]: [CHURN], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.columns]: 'customer_id, no_such_col', [REQUEST_BLOCKS.reason]: 'Churn model' }),
    });

    const errors = (refused.json as { errors?: Record<string, string> }).errors ?? {};
    expect(Object.keys(errors)).toEqual([REQUEST_BLOCKS.columns]);
    expect(errors[REQUEST_BLOCKS.columns]).toContain(`table ${CHURN} has no column no_such_col`);
    expect(errors[REQUEST_BLOCKS.columns]).toContain('its columns are customer_id, tenure_months');
    expect(errors[REQUEST_BLOCKS.columns]).toContain('snapshot_date');
    expect(await requestsOf(world, PEOPLE.casey)).toEqual(before);
  });

  it('accepts a partition key as a column (Lake Formation column grants cover them)', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [CHURN], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.columns]: 'customer_id, snapshot_date', [REQUEST_BLOCKS.reason]: 'Churn by month' });
    expect(request).toMatchObject({ status: 'PENDING', columns: { kind: 'include', names: ['customer_id', 'snapshot_date'] } });
  });

  it('is refused at approve-with-changes: the preview says so, the submission is refused under columns, the request stays PENDING', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [KPIS, CHURN], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Two tables' });
    const modal = await openApproveModal(request.id);
    // cell_id is a column of the KPIs, not of the churn table: a filter applies to every table.
    const answers = answersFor(modal, { [APPROVE_BLOCKS.permissions]: ['SELECT'], [APPROVE_BLOCKS.columns]: 'cell_id' });

    const shownView = await changeModal(modal.id, answers, ['SELECT']);
    expect(previewText(shownView)).toContain(`table ${CHURN} has no column cell_id`);

    const refused = await world.post({ kind: 'view_submission', viewId: modal.id, values: answers });
    const errors = (refused.json as { errors?: Record<string, string> }).errors ?? {};
    expect(Object.keys(errors)).toEqual([APPROVE_BLOCKS.columns]);
    expect(errors[APPROVE_BLOCKS.columns]).toContain(`table ${CHURN} has no column cell_id`);
    expect(errors[APPROVE_BLOCKS.columns]).toContain('customer_id');
    expect(await current(world, request.id)).toMatchObject({ status: 'PENDING', version: 1 });
  });
});

describe('one source of truth: the approve-with-changes preview is the plan that is granted', () => {
  it('opens with the plan as requested, entry by entry with the grant option it really carries, and no grant-option box', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['SELECT', 'INSERT'], [REQUEST_BLOCKS.reason]: 'Loads' });
    const modal = await openApproveModal(request.id);

    const text = shown({ text: '', blocks: modal.blocks });
    expect(text).not.toContain('With grant option');
    expect(text).not.toContain('grantable: none');
    expect(previewText(modal)).toContain(`• table \`${KPIS}\`: INSERT · with grant option`);
    expect(previewText(modal)).toContain(`• table \`${KPIS}\`, all columns: SELECT · with grant option`);
    expect(text).toContain('gets every permission with the grant option');
  });

  it('for any choices in the modal, shows as its preview exactly the plan that submitting the same modal stores (or refuses both)', async () => {
    const { tables } = await world.deps.mesh.describeProduct(as(PEOPLE.casey), { productId: PRODUCT_ID });
    const kpis = tables.find((t) => t.name === KPIS)!;
    const columns = [...kpis.columns, ...kpis.partitionKeys].map((c) => c.name);
    const draft = fc.record({
      permissions: fc.subarray(['SELECT', 'INSERT', 'DESCRIBE'], { minLength: 1 }),
      columns: fc.oneof(fc.constant<string[]>([]), fc.subarray(columns, { minLength: 1, maxLength: 4 }), fc.subarray([...columns.slice(0, 2), 'no_such_col'], { minLength: 1 })),
      mode: fc.constantFrom('include', 'exclude'),
      notes: fc.constantFrom('', 'Read only', 'Two columns are enough'),
    });

    await fc.assert(
      fc.asyncProperty(draft, async ({ permissions, columns: chosen, mode, notes }) => {
        const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['SELECT', 'INSERT', 'DESCRIBE'], [REQUEST_BLOCKS.reason]: 'Property' });
        const modal = await openApproveModal(request.id);
        const answers = answersFor(modal, {
          [APPROVE_BLOCKS.permissions]: permissions,
          [APPROVE_BLOCKS.columns]: chosen.join(', '),
          [APPROVE_BLOCKS.columnsMode]: mode,
          [APPROVE_BLOCKS.notes]: notes,
        });
        const preview = previewText(await changeModal(modal.id, answers, permissions));

        const submitted = await world.post({ kind: 'view_submission', viewId: modal.id, values: answers });
        const stored = await current(world, request.id);
        const errors = Object.values((submitted.json as { errors?: Record<string, string> } | undefined)?.errors ?? {});
        if (errors.length > 0) {
          // Refused: the preview showed the refusal, and nothing was decided.
          expect(stored).toMatchObject({ status: 'PENDING', version: 1 });
          for (const error of errors) expect(preview).toContain(error.split(' — ')[0]);
          return;
        }
        expect(stored.status).not.toBe('PENDING');
        expect(preview).toContain(planPreviewLines(stored).join('\n'));
      }),
      { numRuns: 15 },
    );
    await world.jobs.idle();
  });
});
