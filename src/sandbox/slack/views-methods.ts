import * as z from 'zod';
import { checkView, type ViewInput } from './block-kit-limits';
import { nextViewHash, nextViewId, type SlackState, type SlackView } from './slack-state';
import { SANDBOX_APP } from './slack-world';
import { defineMethod, fail, type ApiResult, type MethodContext, type MethodHandler } from './web-api-method';

/** How long a trigger id can be exchanged for a view, as in Slack. */
export const TRIGGER_TTL_MS = 3000;

/** Slack's limit: a root modal and two pushed views. */
export const MAX_VIEW_STACK = 3;

/** Exchange a trigger id (once, within 3 s of its minting) for the user it was minted for. */
function exchangeTrigger(ctx: MethodContext, triggerId: string | undefined): { ok: true; user: string } | { ok: false; result: ApiResult } {
  const trigger = triggerId === undefined ? undefined : ctx.state.triggers[triggerId];
  if (trigger === undefined) return { ok: false, result: fail('invalid_trigger_id') };
  if (trigger.used) return { ok: false, result: fail('exchanged_trigger_id') };
  if (ctx.now() - trigger.mintedAt > TRIGGER_TTL_MS) return { ok: false, result: fail('expired_trigger_id') };
  trigger.used = true;
  return { ok: true, user: trigger.user };
}

function allViews(state: SlackState): SlackView[] {
  return [...Object.values(state.views).map((v) => v.view), ...Object.values(state.homes)];
}

function checkedView(raw: unknown, type: 'modal' | 'home', ctx: MethodContext, replacing?: string): { ok: true; view: ViewInput } | { ok: false; result: ApiResult } {
  if (typeof raw === 'string' || raw === undefined) return { ok: false, result: fail('invalid_arguments', ['[ERROR] view must be a JSON object [json-pointer:/view]']) };
  const checked = checkView(raw);
  if (!checked.ok) return { ok: false, result: fail('invalid_arguments', checked.messages) };
  if (checked.view.type !== type) return { ok: false, result: fail('invalid_arguments', [`[ERROR] view type must be ${type} [json-pointer:/view/type]`]) };
  const externalId = checked.view.external_id;
  if (externalId !== undefined && externalId !== '' && allViews(ctx.state).some((v) => v.external_id === externalId && v.id !== replacing)) {
    return { ok: false, result: fail('duplicate_external_id') };
  }
  return { ok: true, view: checked.view };
}

/** The stored (and answered) form of a view. */
function buildView(ctx: MethodContext, input: ViewInput, ids: { id: string; root?: string; previous?: string | null }): SlackView {
  const { type, blocks, title, submit, close, callback_id, private_metadata, external_id, clear_on_close, notify_on_close } = input;
  const view: SlackView = {
    id: ids.id,
    team_id: ctx.world.team.id,
    type,
    blocks,
    private_metadata: private_metadata ?? '',
    callback_id: callback_id ?? '',
    external_id: external_id ?? '',
    state: { values: {} },
    hash: nextViewHash(ctx.state, ctx.now()),
    clear_on_close: clear_on_close ?? false,
    notify_on_close: notify_on_close ?? false,
    previous_view_id: ids.previous ?? null,
    root_view_id: ids.root ?? ids.id,
    app_id: SANDBOX_APP.appId,
    app_installed_team_id: ctx.world.team.id,
    bot_id: SANDBOX_APP.botId,
  };
  if (title !== undefined) view.title = title;
  if (type === 'modal') {
    view.submit = submit ?? null;
    view.close = close ?? null;
  }
  return view;
}

/** Close a user's whole modal stack (on submit without a response action, on `clear`, or on open of a new root). */
export function closeModalStack(state: SlackState, user: string): void {
  for (const id of state.stacks[user] ?? []) Reflect.deleteProperty(state.views, id);
  Reflect.deleteProperty(state.stacks, user);
}

/** Close one modal (the top of its stack) and the ones pushed above it. */
export function closeModal(state: SlackState, viewId: string): void {
  const open = state.views[viewId];
  if (open === undefined) return;
  const stack = state.stacks[open.user] ?? [];
  const index = stack.indexOf(viewId);
  for (const id of stack.slice(index)) Reflect.deleteProperty(state.views, id);
  if (index <= 0) Reflect.deleteProperty(state.stacks, open.user);
  else state.stacks[open.user] = stack.slice(0, index);
}

/** Replace an open modal's content in place (id and stack kept, new hash), as `views.update` and `response_action: update` do. */
export function replaceModal(ctx: MethodContext, viewId: string, input: ViewInput): SlackView | undefined {
  const open = ctx.state.views[viewId];
  if (open === undefined) return undefined;
  const view = buildView(ctx, input, { id: viewId, root: open.view.root_view_id, previous: open.view.previous_view_id });
  view.state = open.view.state;
  open.view = view;
  return view;
}

/** Push a modal onto a user's stack, or the error code when no modal is open or the stack is full. */
export function pushModal(ctx: MethodContext, user: string, input: ViewInput): SlackView | 'not_found' | 'push_limit_reached' {
  const stack = ctx.state.stacks[user];
  const [root] = stack ?? [];
  if (stack === undefined || root === undefined) return 'not_found';
  if (stack.length >= MAX_VIEW_STACK) return 'push_limit_reached';
  const view = buildView(ctx, input, { id: nextViewId(ctx.state), root, previous: stack[stack.length - 1] ?? null });
  ctx.state.views[view.id] = { user, view };
  stack.push(view.id);
  return view;
}

const ViewArgs = z.looseObject({ view: z.unknown(), trigger_id: z.string().optional(), interactivity_pointer: z.string().optional() });

const open = defineMethod(ViewArgs, (args, ctx) => {
  const checked = checkedView(args.view, 'modal', ctx);
  if (!checked.ok) return checked.result;
  const trigger = exchangeTrigger(ctx, args.trigger_id ?? args.interactivity_pointer);
  if (!trigger.ok) return trigger.result;
  closeModalStack(ctx.state, trigger.user);
  const view = buildView(ctx, checked.view, { id: nextViewId(ctx.state) });
  ctx.state.views[view.id] = { user: trigger.user, view };
  ctx.state.stacks[trigger.user] = [view.id];
  return { ok: true, view };
});

const push = defineMethod(ViewArgs, (args, ctx) => {
  const checked = checkedView(args.view, 'modal', ctx);
  if (!checked.ok) return checked.result;
  const trigger = exchangeTrigger(ctx, args.trigger_id ?? args.interactivity_pointer);
  if (!trigger.ok) return trigger.result;
  const pushed = pushModal(ctx, trigger.user, checked.view);
  return typeof pushed === 'string' ? fail(pushed) : { ok: true, view: pushed };
});

const update = defineMethod(
  z.looseObject({ view: z.unknown(), view_id: z.string().optional(), external_id: z.string().optional(), hash: z.string().optional() }),
  (args, ctx) => {
    if ((args.view_id === undefined) === (args.external_id === undefined)) {
      return fail('invalid_arguments', ['[ERROR] exactly one of view_id and external_id is required [json-pointer:/]']);
    }
    const existing = allViews(ctx.state).find((v) => (args.view_id !== undefined ? v.id === args.view_id : v.external_id !== '' && v.external_id === args.external_id));
    if (existing === undefined) return fail('not_found');
    if (args.hash !== undefined && args.hash !== existing.hash) return fail('hash_conflict');
    const checked = checkedView(args.view, existing.type, ctx, existing.id);
    if (!checked.ok) return checked.result;
    if (existing.type === 'modal') return { ok: true, view: replaceModal(ctx, existing.id, checked.view) };
    const owner = Object.entries(ctx.state.homes).find(([, v]) => v.id === existing.id)?.[0];
    const view = buildView(ctx, checked.view, { id: existing.id });
    if (owner !== undefined) ctx.state.homes[owner] = view;
    return { ok: true, view };
  },
);

const publish = defineMethod(z.looseObject({ view: z.unknown(), user_id: z.string().optional(), hash: z.string().optional() }), (args, ctx) => {
  if (args.user_id === undefined || ctx.world.users[args.user_id] === undefined) return fail('user_not_found');
  const existing = ctx.state.homes[args.user_id];
  if (args.hash !== undefined && existing !== undefined && args.hash !== existing.hash) return fail('hash_conflict');
  const checked = checkedView(args.view, 'home', ctx, existing?.id);
  if (!checked.ok) return checked.result;
  // A user's App Home keeps its view id across publishes; only the content and hash change.
  const view = buildView(ctx, checked.view, { id: existing?.id ?? nextViewId(ctx.state) });
  ctx.state.homes[args.user_id] = view;
  return { ok: true, view };
});

/** `views.*` methods. */
export const viewsMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
