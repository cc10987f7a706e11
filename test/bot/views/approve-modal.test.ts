import { describe, expect, it } from 'vitest';
import { actionIdPattern, ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import {
  APPROVE_BLOCKS,
  buildApprovePreviewText,
  buildApproveWithChangesModal,
  draftChanges,
  initialApproveDraft,
  readApproveDraft,
} from '../../../src/bot/views/approve-modal';
import { parseApproveWithChangesModal } from '../../../src/bot/views/parse-approve-modal';
import { decideGrant } from '../../../src/mesh/service/subscriptions/grant-decision';
import { expectWithinSlackLimits } from '../blocks/slack-limits-check';
import { SUB_ID, TELCO, telcoSubscription } from '../blocks/telco-fixtures';
import { submittedState } from './modal-state';

const REQUEST = { ...telcoSubscription('PENDING'), requestedPermissions: ['SELECT' as const, 'DESCRIBE' as const] };
const AS_REQUESTED = { ok: true as const, decision: decideGrant(REQUEST, {}, { permissions: REQUEST.requestedPermissions, by: 'request' }) };

const previewOf = (view: ReturnType<typeof buildApproveWithChangesModal>): string => {
  const block = view.blocks.find((b) => b.block_id === APPROVE_BLOCKS.preview);
  return block?.type === 'section' ? (block.text?.text ?? '') : '';
};

describe('buildApproveWithChangesModal', () => {
  it('preselects the requested permissions, states the grant-option rule and previews the plan as requested', () => {
    const view = buildApproveWithChangesModal({ subscription: REQUEST, product: TELCO, preview: AS_REQUESTED });
    expect(view).toMatchSnapshot();
    expectWithinSlackLimits(view, 'modal');
    expect(view.callback_id).toBe(VIEWS.approveWithChanges);
    expect(JSON.parse(view.private_metadata!)).toEqual({ subscriptionId: SUB_ID });
    // No box for the grant option: for an account it is a rule, said once.
    expect(JSON.stringify(view.blocks)).not.toContain('With grant option');
    expect(JSON.stringify(view.blocks)).toContain('gets every permission with the grant option');
    expect(previewOf(view)).toContain('• database `telco-111111111111`: DESCRIBE · with grant option');
  });

  it('dispatches changes of its choices under keyed action ids the listener can match', () => {
    const view = buildApproveWithChangesModal({ subscription: REQUEST });
    const dispatching = view.blocks.filter((b) => b.type === 'input' && b.dispatch_action === true);
    expect(dispatching.map((b) => b.type === 'input' && b.element.action_id)).toEqual([
      `${ACTIONS.approvePreview}:permissions`,
      `${ACTIONS.approvePreview}:columns`,
      `${ACTIONS.approvePreview}:columns_mode`,
    ]);
    for (const b of dispatching) expect(b.type === 'input' && actionIdPattern(ACTIONS.approvePreview).test(b.element.action_id ?? '')).toBe(true);
  });
});

describe('the will-be-granted preview', () => {
  it('shows the plan entry by entry with the grant option as granted, and what differs from the request', () => {
    const decision = decideGrant(REQUEST, { permissions: ['SELECT'], columns: { kind: 'exclude', names: ['msisdn', 'imsi'] } }, { permissions: REQUEST.requestedPermissions, by: 'request' });
    expect(buildApprovePreviewText(REQUEST, { ok: true, decision })).toMatchInlineSnapshot(`
      "*Will be granted* to account \`999999999999\`, exactly as Lake Formation will be asked:
      • database \`telco-111111111111\`: DESCRIBE · with grant option
      • table \`usecase1_cell_kpis\`, all columns but \`imsi\`, \`msisdn\`: SELECT · with grant option
      • table \`usecase2_customer_churn\`, all columns but \`imsi\`, \`msisdn\`: SELECT · with grant option
      _Not granted, though requested: DESCRIBE_
      _Requested columns: all columns_"
    `);
  });

  it('shows the refusal the submission would get instead of a plan', () => {
    expect(buildApprovePreviewText(REQUEST, { ok: false, problem: ':warning: the problem' })).toBe('*Will be granted*\n:warning: the problem');
    expect(buildApprovePreviewText(REQUEST, undefined)).toContain('could not be computed');
  });

  it('reads the draft from the state a block_actions payload carries, and asks the mesh what its submission would', () => {
    const view = buildApproveWithChangesModal({ subscription: REQUEST });
    const state = submittedState(view, { [APPROVE_BLOCKS.permissions]: ['DESCRIBE'], [APPROVE_BLOCKS.columns]: 'cell_id' });
    const draft = readApproveDraft(state, initialApproveDraft(REQUEST));
    expect(draft).toMatchObject({ permissions: ['DESCRIBE'], columnsText: 'cell_id', columnsMode: 'include' });
    expect(draftChanges(draft)).toEqual({ changes: { permissions: ['DESCRIBE'], columns: { kind: 'include', names: ['cell_id'] } } });
    expect(draftChanges({ ...draft, columnsText: '' })).toEqual({ changes: { permissions: ['DESCRIBE'], columns: null } });
    expect(draftChanges({ ...draft, columnsText: 'a b' })).toEqual({ problem: '“a b” is not a column name.' });
    expect(readApproveDraft('garbage', initialApproveDraft(REQUEST))).toEqual(initialApproveDraft(REQUEST));
  });
});

describe('parseApproveWithChangesModal', () => {
  const view = buildApproveWithChangesModal({ subscription: REQUEST });
  const parse = (answers: Record<string, string | string[] | undefined>) => parseApproveWithChangesModal(submittedState(view, answers), view.private_metadata);

  it('turns the choices into a typed decision', () => {
    expect(parse({ [APPROVE_BLOCKS.permissions]: ['DESCRIBE', 'SELECT'], [APPROVE_BLOCKS.columns]: 'msisdn', [APPROVE_BLOCKS.columnsMode]: 'exclude', [APPROVE_BLOCKS.notes]: ' no PII ' })).toEqual({
      ok: true,
      value: { subscriptionId: SUB_ID, permissions: ['SELECT', 'DESCRIBE'], columns: { kind: 'exclude', names: ['msisdn'] }, notes: 'no PII' },
    });
  });

  it('approves as requested when nothing is changed', () => {
    expect(parse({})).toEqual({ ok: true, value: { subscriptionId: SUB_ID, permissions: ['SELECT', 'DESCRIBE'] } });
  });

  it.each([
    ['no permission', { [APPROVE_BLOCKS.permissions]: [] }, APPROVE_BLOCKS.permissions, 'Choose at least one permission to grant — or deny the request instead.'],
    ['a bad column', { [APPROVE_BLOCKS.columns]: 'ok, "quoted"' }, APPROVE_BLOCKS.columns, '“"quoted"” is not a column name'],
    ['notes too long', { [APPROVE_BLOCKS.notes]: 'n'.repeat(4097) }, APPROVE_BLOCKS.notes, 'Keep the notes under 4,096 characters.'],
  ])('reports %s on its block', (_label, answers, blockId, message) => {
    expect(parse(answers)).toEqual({ ok: false, errors: { [blockId]: message } });
  });

  it('refuses metadata that is not a subscription id', () => {
    expect(parseApproveWithChangesModal(submittedState(view, {}), '{"subscriptionId":"nope"}').ok).toBe(false);
  });
});
