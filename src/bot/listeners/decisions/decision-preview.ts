import type { Logger } from 'pino';
import type { DecisionKind } from '../../../mesh/service/subscriptions/prepare-decision';
import type { RequestContext } from '../../../mesh/service/request-context';
import { escapeMrkdwn, withMentions } from '../../blocks/mrkdwn';
import type { BotDeps } from '../../bot-deps';
import { toUserMessage } from '../../error-message';
import { draftChanges, type DecisionPreview } from '../../views/approve-modal';

/** What a decision modal holds that changes the plan: permissions and columns, as typed. */
export interface PlanDraft {
  permissions: Parameters<typeof draftChanges>[0]['permissions'];
  columnsText: string;
  columnsMode: string;
}

/**
 * The mesh's plan for what a decision modal shows (`previewDecision`: the very code the submission
 * runs), or its refusal worded as the submission's would be. Never throws: a preview that cannot be
 * computed says why, and the submission is checked in full anyway.
 */
export async function previewDraft(deps: BotDeps, ctx: RequestContext, log: Logger, input: { id: string; kind: DecisionKind; draft: PlanDraft }): Promise<DecisionPreview> {
  const asked = draftChanges(input.draft);
  if ('problem' in asked) return { ok: false, problem: `:warning: ${escapeMrkdwn(asked.problem)}` };
  try {
    const { decision } = await deps.mesh.previewDecision(ctx, { id: input.id, kind: input.kind, changes: asked.changes });
    return { ok: true, decision };
  } catch (error) {
    const message = toUserMessage(error, deps.newId());
    if (!message.expected) log.warn({ err: error, reference: message.reference }, 'could not preview the decision');
    const hint = message.hint === undefined ? '' : `\n_${withMentions(message.hint).mrkdwn}_`;
    return { ok: false, problem: `:warning: *${escapeMrkdwn(message.title)}*: ${withMentions(message.text).mrkdwn}${hint}` };
  }
}
