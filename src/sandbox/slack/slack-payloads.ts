import { randomBytes } from 'node:crypto';
import type {
  BlockAction,
  BlockElementAction,
  EnvelopedEvent,
  SlashCommand,
  types,
  ViewClosedAction,
  ViewOutput,
  ViewStateValue,
  ViewSubmitAction,
} from '@slack/bolt';
import * as z from 'zod';
import { COMMAND } from '../../bot/interaction-ids';
import { type BlockOption, CHOICE_FIELDS, optionsIn, PlainTextSchema } from './block-options';
import type { FakeSlackApi } from './fake-slack-api';
import type { SlackView } from './slack-state';
import { dmChannelId, SANDBOX_APP, SANDBOX_CHANNELS, SANDBOX_VERIFICATION_TOKEN, type SlackWorld } from './slack-world';

/**
 * Builders of the requests Slack sends an app — slash commands, `block_actions`, `view_submission`,
 * `view_closed`, Events API callbacks — with the field names of Bolt's own types. Trigger ids and
 * response URLs are minted by the fake Slack API, so `views.open` and `respond()` work on them; the
 * clicked message or modal is read from it, so a click carries what the user saw.
 */

/** What the builders read from the fake Slack API. */
export type SlackPayloadSource = Pick<FakeSlackApi, 'world' | 'mintTriggerId' | 'mintResponseUrl' | 'message' | 'view' | 'views' | 'ephemerals'>;

/** A request body ready to sign and post, with the payload it carries. */
export interface SlackRequest<P> {
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  body: string;
  payload: P;
}

/** Input values of a modal, by block id then action id (`view.state.values`). */
export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

/** Where a clicked element is: a message (possibly ephemeral) or a modal / App Home. */
export type ActionContainer = { channel: string; ts: string; ephemeral?: boolean } | { viewId: string };

function actionTs(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${String(Math.floor(nowMs % 1000) * 1000).padStart(6, '0')}`;
}

function userOf(world: SlackWorld, userId: string): { id: string; name: string } {
  const user = world.users[userId];
  if (user === undefined) throw new TypeError(`No Slack user ${userId} in the sandbox workspace (add it with addUser).`);
  return { id: user.id, name: user.name };
}

function channelName(world: SlackWorld, channelId: string): string {
  const channel = world.channels[channelId];
  if (channelId.startsWith('D') || channel?.kind === 'im') return 'directmessage';
  if (channel?.kind === 'mpim') return 'privategroup';
  return channel?.name ?? channelId;
}

function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

function interactionBody<P>(payload: P): SlackRequest<P> {
  return { contentType: 'application/x-www-form-urlencoded', body: formBody({ payload: JSON.stringify(payload) }), payload };
}

/**
 * A slash command as Slack posts it (form-encoded), from a user in a channel (default #data-products).
 * @example slashCommandRequest(slack, { user: 'U0PRODUCER', text: 'publish telco usecase*' })
 */
export function slashCommandRequest(
  source: SlackPayloadSource,
  input: { user: string; text: string; command?: string; channel?: string },
): SlackRequest<SlashCommand> {
  const user = userOf(source.world, input.user);
  const channel = input.channel ?? SANDBOX_CHANNELS.dataProducts.id;
  const payload: SlashCommand = {
    token: SANDBOX_VERIFICATION_TOKEN,
    team_id: source.world.team.id,
    team_domain: source.world.team.domain,
    channel_id: channel,
    channel_name: channelName(source.world, channel),
    user_id: user.id,
    user_name: user.name,
    command: input.command ?? COMMAND,
    text: input.text,
    api_app_id: SANDBOX_APP.appId,
    is_enterprise_install: 'false',
    response_url: source.mintResponseUrl({ channel, user: user.id }),
    trigger_id: source.mintTriggerId(user.id),
  };
  return { contentType: 'application/x-www-form-urlencoded', body: formBody(payload), payload };
}

const ElementSchema = z.looseObject({
  type: z.string(),
  action_id: z.string().optional(),
  value: z.string().optional(),
  text: PlainTextSchema.optional(),
  style: z.string().optional(),
  ...CHOICE_FIELDS,
});
const BlockSchema = z.looseObject({ type: z.string(), block_id: z.string().optional(), accessory: z.unknown().optional(), elements: z.array(z.unknown()).optional(), element: z.unknown().optional() });

type Element = z.infer<typeof ElementSchema>;

/** The interactive element with this action id (and value, for rows of same-id buttons), and its block id. */
function findElement(blocks: unknown[], actionId: string, value: string | undefined): { blockId: string; element: Element } | undefined {
  for (const [index, raw] of blocks.entries()) {
    const block = BlockSchema.safeParse(raw);
    if (!block.success) continue;
    const candidates = [block.data.accessory, block.data.element, ...(block.data.elements ?? [])];
    for (const candidate of candidates) {
      const element = ElementSchema.safeParse(candidate);
      if (!element.success || element.data.action_id !== actionId) continue;
      if (value !== undefined && element.data.type === 'button' && element.data.value !== value) continue;
      // Slack gives every block an id; blocks sent without one get a generated one.
      return { blockId: block.data.block_id ?? `b${index}`, element: element.data };
    }
  }
  return undefined;
}

function optionsOf(element: Element, values: string[]): BlockOption[] {
  const all = optionsIn(element);
  return values.map((v) => {
    const option = all.find((o) => o.value === v);
    if (option === undefined) throw new TypeError(`No option ${v} in ${element.action_id ?? element.type}.`);
    return option;
  });
}

/** The `actions[0]` Slack sends for a click on (or a choice in) an element. */
function elementAction(element: Element, base: { block_id: string; action_id: string; action_ts: string }, selected: string[]): BlockElementAction {
  switch (element.type) {
    case 'button':
      return { ...base, type: 'button', text: element.text ?? { type: 'plain_text', text: base.action_id }, ...(element.value === undefined ? {} : { value: element.value }) };
    case 'static_select':
    case 'overflow':
    case 'radio_buttons': {
      const [option] = optionsOf(element, selected.slice(0, 1));
      if (option === undefined) throw new TypeError(`Choose an option of ${base.action_id} (selected).`);
      return element.type === 'radio_buttons' ? { ...base, type: 'radio_buttons', selected_option: option } : { ...base, type: element.type, selected_option: option };
    }
    case 'multi_static_select':
      return { ...base, type: 'multi_static_select', selected_options: optionsOf(element, selected) };
    case 'checkboxes':
      return { ...base, type: 'checkboxes', selected_options: optionsOf(element, selected) };
    case 'users_select':
      return { ...base, type: 'users_select', selected_user: selected[0] ?? '' };
    default:
      throw new TypeError(`The sandbox does not click ${element.type} elements yet.`);
  }
}

/** A view as interaction payloads carry it (Bolt's `ViewOutput`), with the given input values. */
export function viewOutput(view: SlackView, values: ViewStateValues = {}): ViewOutput {
  const title = PlainTextSchema.safeParse(view.title);
  const close = PlainTextSchema.safeParse(view.close);
  const submit = PlainTextSchema.safeParse(view.submit);
  return {
    id: view.id,
    team_id: view.team_id,
    type: view.type,
    blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })).parse(view.blocks),
    private_metadata: view.private_metadata,
    callback_id: view.callback_id,
    external_id: view.external_id,
    state: { values },
    hash: view.hash,
    title: title.success ? title.data : { type: 'plain_text', text: 'View Title' },
    close: close.success ? close.data : null,
    submit: submit.success ? submit.data : null,
    clear_on_close: view.clear_on_close,
    notify_on_close: view.notify_on_close,
    root_view_id: view.root_view_id,
    previous_view_id: view.previous_view_id,
    app_id: view.app_id,
    app_installed_team_id: view.app_installed_team_id,
    bot_id: view.bot_id,
  };
}

function viewOf(source: SlackPayloadSource, viewId: string): SlackView {
  const view = source.view(viewId);
  if (view === undefined) throw new TypeError(`No open view ${viewId} in the fake Slack API.`);
  return view;
}

/**
 * A `block_actions` payload for a user's click on an element of a message or view, as Slack posts it
 * (`payload=<json>`). The element is found by `actionId` (and `value` among same-id buttons) in what
 * the fake Slack API shows; `selected` gives the chosen option value(s) of a select or checkboxes.
 * @example blockActionsRequest(slack, { user: 'U0PRODUCER', actionId: ACTIONS.approve, on: { channel: 'D0PRODUCER', ts } })
 */
export function blockActionsRequest(
  source: SlackPayloadSource,
  input: { user: string; actionId: string; on: ActionContainer; value?: string; selected?: string | string[]; values?: ViewStateValues; now?: number },
): SlackRequest<BlockAction> {
  const nowMs = input.now ?? Date.now();
  const user = userOf(source.world, input.user);
  const selected = input.selected === undefined ? [] : Array.isArray(input.selected) ? input.selected : [input.selected];
  const common = {
    type: 'block_actions' as const,
    user: { id: user.id, username: user.name, name: user.name, team_id: source.world.team.id },
    api_app_id: SANDBOX_APP.appId,
    token: SANDBOX_VERIFICATION_TOKEN,
    trigger_id: source.mintTriggerId(user.id),
    team: { id: source.world.team.id, domain: source.world.team.domain },
    is_enterprise_install: false,
  };
  const on = input.on;
  if ('viewId' in on) {
    const view = viewOf(source, on.viewId);
    const found = findElement(view.blocks, input.actionId, input.value);
    if (found === undefined) throw new TypeError(`No element ${input.actionId} in view ${on.viewId}.`);
    const action = elementAction(found.element, { block_id: found.blockId, action_id: input.actionId, action_ts: actionTs(nowMs) }, selected);
    const payload: BlockAction = {
      ...common,
      container: { type: 'view', view_id: view.id },
      view: viewOutput(view, input.values),
      actions: [action],
      // Clicks inside a modal or App Home come without a response URL.
      response_url: '',
    };
    Reflect.deleteProperty(payload, 'response_url');
    return interactionBody(payload);
  }
  const ephemeral = on.ephemeral === true;
  const message = ephemeral ? undefined : source.message(on.channel, on.ts);
  const stored = ephemeral ? source.ephemerals(user.id, on.channel).find((e) => e.ts === on.ts) : message;
  if (stored === undefined) throw new TypeError(`No ${ephemeral ? 'ephemeral ' : ''}message ${on.ts} in ${on.channel} for ${user.id}.`);
  const found = findElement(stored.blocks ?? [], input.actionId, input.value);
  if (found === undefined) throw new TypeError(`No element ${input.actionId} in message ${on.ts}.`);
  const action = elementAction(found.element, { block_id: found.blockId, action_id: input.actionId, action_ts: actionTs(nowMs) }, selected);
  const payload: BlockAction = {
    ...common,
    container: { type: 'message', message_ts: on.ts, channel_id: stored.channel, is_ephemeral: ephemeral },
    channel: { id: stored.channel, name: channelName(source.world, stored.channel) },
    state: { values: input.values ?? {} },
    response_url: source.mintResponseUrl({ channel: stored.channel, user: user.id, messageTs: on.ts, isEphemeral: ephemeral }),
    actions: [action],
  };
  // Slack sends the message for clicks on normal messages only, not on ephemeral ones.
  if (message !== undefined) {
    const { channel: _channel, ...rest } = message;
    payload.message = rest;
  }
  return interactionBody(payload);
}

/** The owner of an open modal (whose submit it is). */
function viewUser(source: SlackPayloadSource, viewId: string): string {
  const open = source.views().find((v) => v.view.id === viewId);
  if (open === undefined) throw new TypeError(`No open modal ${viewId}.`);
  return open.user;
}

/**
 * A `view_submission` of an open modal with its input values (default user: the modal's owner).
 * @example viewSubmissionRequest(slack, { viewId, values: plainTextValues({ reason: { reason_input: 'Churn model' } }) })
 */
export function viewSubmissionRequest(source: SlackPayloadSource, input: { viewId: string; values?: ViewStateValues; user?: string }): SlackRequest<ViewSubmitAction> {
  const view = viewOf(source, input.viewId);
  const user = userOf(source.world, input.user ?? viewUser(source, input.viewId));
  const payload: ViewSubmitAction = {
    type: 'view_submission',
    team: { id: source.world.team.id, domain: source.world.team.domain },
    user: { id: user.id, name: user.name, team_id: source.world.team.id },
    api_app_id: SANDBOX_APP.appId,
    token: SANDBOX_VERIFICATION_TOKEN,
    trigger_id: source.mintTriggerId(user.id),
    view: viewOutput(view, input.values),
    response_urls: [],
    is_enterprise_install: false,
  };
  return interactionBody(payload);
}

/** A `view_closed` (sent only for modals opened with `notify_on_close`). */
export function viewClosedRequest(source: SlackPayloadSource, input: { viewId: string; user?: string; isCleared?: boolean }): SlackRequest<ViewClosedAction> {
  const view = viewOf(source, input.viewId);
  const user = userOf(source.world, input.user ?? viewUser(source, input.viewId));
  const payload: ViewClosedAction = {
    type: 'view_closed',
    team: { id: source.world.team.id, domain: source.world.team.domain },
    user: { id: user.id, name: user.name, team_id: source.world.team.id },
    api_app_id: SANDBOX_APP.appId,
    token: SANDBOX_VERIFICATION_TOKEN,
    view: viewOutput(view),
    is_cleared: input.isCleared ?? false,
    is_enterprise_install: false,
  };
  return interactionBody(payload);
}

/** An Events API `event_callback` envelope around an event (JSON). */
export function eventCallbackRequest<E extends { type: string }>(source: Pick<SlackPayloadSource, 'world'>, input: { event: E; now?: number }): SlackRequest<EnvelopedEvent<E>> {
  const nowMs = input.now ?? Date.now();
  const payload: EnvelopedEvent<E> = {
    token: SANDBOX_VERIFICATION_TOKEN,
    team_id: source.world.team.id,
    context_team_id: source.world.team.id,
    api_app_id: SANDBOX_APP.appId,
    event: input.event,
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(nowMs / 1000),
    authorizations: [{ enterprise_id: null, team_id: source.world.team.id, user_id: SANDBOX_APP.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(8).toString('hex')}`,
  };
  return { contentType: 'application/json', body: JSON.stringify(payload), payload };
}

/** `app_home_opened` on the Home tab, carrying the user's current App Home view when there is one. */
export function appHomeOpenedRequest(
  source: Pick<SlackPayloadSource, 'world'> & { home?: FakeSlackApi['home'] },
  input: { user: string; now?: number },
): SlackRequest<EnvelopedEvent<types.AppHomeOpenedEvent>> {
  const nowMs = input.now ?? Date.now();
  userOf(source.world, input.user);
  const event: types.AppHomeOpenedEvent = { type: 'app_home_opened', user: input.user, channel: dmChannelId(input.user), tab: 'home', event_ts: actionTs(nowMs) };
  const home = source.home?.(input.user);
  if (home !== undefined) Object.assign(event, { view: viewOutput(home) });
  return eventCallbackRequest(source, { event, now: nowMs });
}

/** The Events API's `url_verification` handshake (the app must echo `challenge`). */
export function urlVerificationRequest(input: { challenge?: string } = {}): SlackRequest<{ token: string; challenge: string; type: 'url_verification' }> {
  const payload = { token: SANDBOX_VERIFICATION_TOKEN, challenge: input.challenge ?? randomBytes(24).toString('base64url'), type: 'url_verification' as const };
  return { contentType: 'application/json', body: JSON.stringify(payload), payload };
}

/** Input values of plain-text inputs: `{ block: { action: 'text' } }` → `view.state.values`. */
export function plainTextValues(values: Record<string, Record<string, string>>): ViewStateValues {
  return Object.fromEntries(
    Object.entries(values).map(([block, actions]) => [block, Object.fromEntries(Object.entries(actions).map(([action, value]) => [action, { type: 'plain_text_input', value }]))]),
  );
}
