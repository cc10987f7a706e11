import { describe, expect, it } from 'vitest';
import { actionIdPattern, ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import {
  APPROVE_BLOCKS,
  buildApprovePreviewText,
  buildApproveWithChangesModal,
  initialApproveDraft,
  readApproveDraft,
  rebuildApproveWithChangesModal,
} from '../../../src/bot/views/approve-modal';
import { parseApproveWithChangesModal } from '../../../src/bot/views/parse-approve-modal';
import { expectWithinSlackLimits } from '../blocks/slack-limits-check';
import { SUB_ID, TELCO, telcoSubscription } from '../blocks/telco-fixtures';
import { submittedState } from './modal-state';

const REQUEST = { ...telcoSubscription('PENDING'), requestedPermissions: ['SELECT' as const, 'DESCRIBE' as const] };

const previewOf = (view: ReturnType<typeof buildApproveWithChangesModal>): string => {
  const block = view.blocks.find((b) => b.block_id === APPROVE_BLOCKS.preview);
  return block?.type === 'section' ? (block.text?.text ?? '') : '';
};

describe('buildApproveWithChangesModal', () => {
  it('preselects the requested permissions and previews the grant as requested', () => {
    const view = buildApproveWithChangesModal({ subscription: REQUEST, product: TELCO });
    expect(view).toMatchSnapshot();
    expectWithinSlackLimits(view, 'modal');
    expect(view.callback_id).toBe(VIEWS.approveWithChanges);
    expect(JSON.parse(view.private_metadata!)).toEqual({ subscriptionId: SUB_ID });
  });

  it('dispatches changes of its choices under keyed action ids the listener can match', () => {
    const view = buildApproveWithChangesModal({ subscription: REQUEST });
    const dispatching = view.blocks.filter((b) => b.type === 'input' && b.dispatch_action === true);
    expect(dispatching.map((b) => b.type === 'input' && b.element.action_id)).toEqual([
      `${ACTIONS.approvePreview}:permissions`,
      `${ACTIONS.approvePreview}:grantable`,
      `${ACTIONS.approvePreview}:columns`,
      `${ACTIONS.approvePreview}:columns_mode`,
    ]);
    for (const b of dispatching) expect(b.type === 'input' && actionIdPattern(ACTIONS.approvePreview).test(b.element.action_id ?? '')).toBe(true);
  });
});

describe('the will-be-granted preview', () => {
  it('shows what is dropped, the columns and grantable permissions', () => {
    const draft = { ...initialApproveDraft(REQUEST), permissions: ['SELECT' as const], grantable: ['SELECT' as const], columnsText: 'msisdn, imsi', columnsMode: 'exclude' as const };
    expect(buildApprovePreviewText(REQUEST, draft)).toMatchInlineSnapshot(`
      "*Will be granted*
      Account \`999999999999\` gets *SELECT* on 2 tables of \`telco-111111111111\`: \`usecase1_cell_kpis\`, \`usecase2_customer_churn\`
      Columns: all but \`msisdn\`, \`imsi\` · grantable: SELECT
      _Not granted, though requested: DESCRIBE_
      _Requested columns: all columns_"
    `);
  });

  it('warns while the choices cannot be submitted', () => {
    const draft = { ...initialApproveDraft(REQUEST), permissions: [], grantable: ['DESCRIBE' as const], columnsText: 'a b' };
    const text = buildApprovePreviewText(REQUEST, draft);
    expect(text).toContain(':warning: Choose at least one permission to grant.');
    expect(text).toContain(':warning: DESCRIBE can only be grantable if it is granted.');
    expect(text).toContain(':warning: “a b” is not a column name.');
  });

  it('is rebuilt from the state a block_actions payload carries', () => {
    const view = buildApproveWithChangesModal({ subscription: REQUEST });
    const state = submittedState(view, { [APPROVE_BLOCKS.permissions]: ['DESCRIBE'], [APPROVE_BLOCKS.columns]: 'cell_id' });
    expect(readApproveDraft(state, initialApproveDraft(REQUEST))).toMatchObject({ permissions: ['DESCRIBE'], columnsText: 'cell_id', columnsMode: 'include' });
    const rebuilt = rebuildApproveWithChangesModal(REQUEST, state, TELCO);
    expectWithinSlackLimits(rebuilt, 'modal');
    expect(previewOf(rebuilt)).toContain('gets *DESCRIBE*');
    expect(previewOf(rebuilt)).toContain('Columns: only `cell_id`');
    expect(readApproveDraft('garbage', initialApproveDraft(REQUEST))).toEqual(initialApproveDraft(REQUEST));
  });
});

describe('parseApproveWithChangesModal', () => {
  const view = buildApproveWithChangesModal({ subscription: REQUEST });
  const parse = (answers: Record<string, string | string[] | undefined>) => parseApproveWithChangesModal(submittedState(view, answers), view.private_metadata);

  it('turns the choices into a typed decision', () => {
    expect(parse({ [APPROVE_BLOCKS.permissions]: ['DESCRIBE', 'SELECT'], [APPROVE_BLOCKS.grantable]: ['SELECT'], [APPROVE_BLOCKS.columns]: 'msisdn', [APPROVE_BLOCKS.columnsMode]: 'exclude', [APPROVE_BLOCKS.notes]: ' no PII ' })).toEqual({
      ok: true,
      value: { subscriptionId: SUB_ID, permissions: ['SELECT', 'DESCRIBE'], grantablePermissions: ['SELECT'], columns: { kind: 'exclude', names: ['msisdn'] }, notes: 'no PII' },
    });
  });

  it('approves as requested when nothing is changed', () => {
    expect(parse({})).toEqual({ ok: true, value: { subscriptionId: SUB_ID, permissions: ['SELECT', 'DESCRIBE'], grantablePermissions: [] } });
  });

  it.each([
    ['no permission', { [APPROVE_BLOCKS.permissions]: [] }, APPROVE_BLOCKS.permissions, 'Choose at least one permission to grant — or deny the request instead.'],
    ['grantable but not granted', { [APPROVE_BLOCKS.permissions]: ['SELECT'], [APPROVE_BLOCKS.grantable]: ['DESCRIBE'] }, APPROVE_BLOCKS.grantable, 'DESCRIBE can only be grantable if it is granted too.'],
    ['a bad column', { [APPROVE_BLOCKS.columns]: 'ok, "quoted"' }, APPROVE_BLOCKS.columns, '“"quoted"” is not a column name'],
    ['notes too long', { [APPROVE_BLOCKS.notes]: 'n'.repeat(4097) }, APPROVE_BLOCKS.notes, 'Keep the notes under 4,096 characters.'],
  ])('reports %s on its block', (_label, answers, blockId, message) => {
    expect(parse(answers)).toEqual({ ok: false, errors: { [blockId]: message } });
  });

  it('refuses metadata that is not a subscription id', () => {
    expect(parseApproveWithChangesModal(submittedState(view, {}), '{"subscriptionId":"nope"}').ok).toBe(false);
  });
});
