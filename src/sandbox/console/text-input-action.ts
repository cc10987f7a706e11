import type { BlockAction } from '@slack/bolt';
import type { FakeSlackApi } from '../slack/fake-slack-api';
import { viewOutput, type SlackRequest, type ViewStateValues } from '../slack/slack-payloads';
import type { SlackView } from '../slack/slack-state';
import { SANDBOX_APP, SANDBOX_VERIFICATION_TOKEN } from '../slack/slack-world';

/** Whether a view's block holds a plain-text input with this action id, and the block's id. */
export function textInputBlock(view: SlackView, actionId: string): string | undefined {
  for (const block of view.blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const { block_id: blockId, element } = block as { block_id?: unknown; element?: unknown };
    if (typeof blockId !== 'string' || typeof element !== 'object' || element === null) continue;
    const { type, action_id: id } = element as { type?: unknown; action_id?: unknown };
    if (type === 'plain_text_input' && id === actionId) return blockId;
  }
  return undefined;
}

/**
 * The `block_actions` Slack sends when Enter is pressed in a modal's plain-text input that
 * dispatches on Enter (`dispatch_action`), e.g. the approve modal's columns: the typed value, and
 * the view with every input's state. (The sandbox's payload builders click buttons, selects and
 * choices; this is the one element they do not.)
 */
export function textInputActionRequest(
  slack: Pick<FakeSlackApi, 'world' | 'mintTriggerId'>,
  input: { user: string; view: SlackView; blockId: string; actionId: string; value: string; values: ViewStateValues; nowMs: number },
): SlackRequest<BlockAction> {
  const person = slack.world.users[input.user];
  if (person === undefined) throw new TypeError(`No Slack user ${input.user} in the sandbox workspace.`);
  const team = slack.world.team;
  const actionTs = (input.nowMs / 1000).toFixed(6);
  const payload: BlockAction = {
    type: 'block_actions',
    user: { id: person.id, username: person.name, name: person.name, team_id: team.id },
    api_app_id: SANDBOX_APP.appId,
    token: SANDBOX_VERIFICATION_TOKEN,
    trigger_id: slack.mintTriggerId(person.id),
    team: { id: team.id, domain: team.domain },
    is_enterprise_install: false,
    container: { type: 'view', view_id: input.view.id },
    view: viewOutput(input.view, input.values),
    actions: [{ type: 'plain_text_input', block_id: input.blockId, action_id: input.actionId, value: input.value, action_ts: actionTs }],
    response_url: '',
  };
  // Clicks inside a modal come without a response URL (Bolt's type has one for message clicks).
  Reflect.deleteProperty(payload, 'response_url');
  return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), payload };
}
