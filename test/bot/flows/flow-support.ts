import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { webApi } from '@slack/bolt';
import { vi } from 'vitest';
import { buildProductCard } from '../../../src/bot/blocks/product-card';
import type { ModalView } from '../../../src/bot/blocks/slack-types';
import { VIEWS } from '../../../src/bot/interaction-ids';
import type { GrantEntry } from '../../../src/mesh/domain/grant-entry';
import type { Subscription } from '../../../src/mesh/domain/subscription';
import type { RequestContext } from '../../../src/mesh/service/request-context';
import { resourceKey } from '../../../src/mesh/plan/resource-key';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION, sandboxAdminKeys } from '../../../src/sandbox/seed/sandbox-accounts';
import type { ViewStateValues } from '../../../src/sandbox/slack/slack-payloads';
import type { SlackMessage, SlackView } from '../../../src/sandbox/slack/slack-state';
import { SANDBOX_BOT_TOKEN, SANDBOX_CHANNELS, SANDBOX_TEAM } from '../../../src/sandbox/slack/slack-world';
import type { BotWorld } from '../../support/bot-world';
import { grantsByResource } from '../../support/grants-to';
import { submittedState } from '../views/modal-state';

/** The seeded people by first name. */
export const PEOPLE = { pat: 'U0PRODUCER', sam: 'U0OWNER2', casey: 'U0CONSUMER', ada: 'U0ADMIN' } as const;
export const PRODUCT_ID = 'telco-111111111111';
export const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
export const PRODUCTS_CHANNEL = SANDBOX_CHANNELS.dataProducts.id;

/** A request context for reading the mesh as one of the seeded people. */
export function as(userId: string): RequestContext {
  return { user: { teamId: SANDBOX_TEAM.id, userId }, requestId: 'flow-test' };
}

/** Wait until `check` stops throwing (what the bot does after its ack runs on). */
export function eventually<T>(check: () => T | Promise<T>, timeout = 10_000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 25 });
}

/** A message's text and blocks as one string, to look for words in it. */
export function shown(message: { text: string; blocks?: unknown[] } | undefined): string {
  // Quotes inside texts unescaped, so SQL names read as in Slack: "telco-111111111111"."usecase1_cell_kpis".
  return message === undefined ? '' : `${message.text}\n${JSON.stringify(message.blocks ?? []).replace(/\\"/g, '"')}`;
}

/** The messages in a user's DM with the bot that mention a subscription. */
export function dmsAbout(world: BotWorld, userId: string, subscriptionId: string): SlackMessage[] {
  return world.slack.messages(userId).filter((m) => shown(m).includes(subscriptionId));
}

/** The one DM to `userId` about a subscription that carries `actionId` (the request message with its buttons). */
export function messageWith(world: BotWorld, userId: string, subscriptionId: string, actionId: string): SlackMessage {
  const found = dmsAbout(world, userId, subscriptionId).find((m) => JSON.stringify(m.blocks ?? []).includes(`"action_id":"${actionId}"`));
  if (found === undefined) throw new Error(`no message to ${userId} about ${subscriptionId} with ${actionId}`);
  return found;
}

/** Post the product card to #data-products as the bot does when publishing. */
export async function postProductCard(world: BotWorld): Promise<SlackMessage> {
  const product = await world.deps.mesh.getProduct(as(PEOPLE.casey), { productId: PRODUCT_ID });
  const client = new webApi.WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: `${world.url}/api/` });
  const card = buildProductCard(product);
  const posted = await client.chat.postMessage({ channel: PRODUCTS_CHANNEL, text: card.text, blocks: card.blocks });
  const message = world.slack.message(PRODUCTS_CHANNEL, posted.ts ?? '');
  if (message === undefined) throw new Error('the card was not posted');
  return message;
}

/** Pat re-publishes the sample product offering INSERT too (it offers SELECT and DESCRIBE only), for flows that request it. */
export async function offerInsertToo(world: BotWorld): Promise<void> {
  await world.deps.mesh.publishProduct(as(PEOPLE.pat), { producerAccountId: '111111111111', sourceDatabase: 'telco', offeredPermissions: ['SELECT', 'DESCRIBE', 'INSERT'] });
}

/** The open modal of a user with this callback id, once the bot has filled it (not one of `except`, modals open before the click). */
export function openModal(world: BotWorld, userId: string, callbackId: string, except: readonly string[] = []): Promise<SlackView> {
  return eventually(() => {
    const open = world.slack.views(userId).find((v) => v.view.callback_id === callbackId && !except.includes(v.view.id));
    if (open === undefined) throw new Error(`no ${callbackId} modal open for ${userId}`);
    return open.view;
  });
}

/** The ids of the modals a user has open now (to tell the one a click opens from those). */
export function openModalIds(world: BotWorld, userId: string): string[] {
  return world.slack.views(userId).map((v) => v.view.id);
}

/** Click a button and wait for the modal it opens (filled by the bot after its loading view). */
export async function clickForModal(world: BotWorld, userId: string, actionId: string, on: { channel: string; ts: string } | { viewId: string }, callbackId: string, value?: string): Promise<SlackView> {
  const before = openModalIds(world, userId);
  await world.post({ kind: 'block_actions', user: userId, actionId, on, ...(value !== undefined && { value }) });
  return openModal(world, userId, callbackId, before);
}

/** Wait until the subscription reaches one of `statuses`, then until every job queued meanwhile is done. */
export async function settled(world: BotWorld, id: string, statuses: readonly string[]): Promise<Subscription> {
  await eventually(async () => {
    const now = await current(world, id);
    if (!statuses.includes(now.status)) throw new Error(`${id} is ${now.status}`);
  });
  await world.jobs.idle();
  return current(world, id);
}

/** The `view.state.values` of submitting a stored modal with `answers` by block id (the rest as prefilled). */
export function answersFor(view: SlackView, answers: Record<string, string | string[] | undefined>): ViewStateValues {
  // The fake stores what the bot sent; the builders' ModalView is that shape.
  return submittedState(view as unknown as ModalView, answers) as unknown as ViewStateValues;
}

/** Casey's (or `userId`'s) requests, newest first. */
export async function requestsOf(world: BotWorld, userId: string): Promise<Subscription[]> {
  return (await world.deps.mesh.listSubscriptions(as(userId), { kind: 'mine', limit: 100 })).items;
}

/**
 * The whole request as a user does it: [Request access] on the card, the modal, a valid submission;
 * resolves with the new subscription once the owners have been told.
 */
export async function requestThroughModal(world: BotWorld, card: SlackMessage, answers: Record<string, string | string[] | undefined>, userId: string = PEOPLE.casey): Promise<Subscription> {
  const before = new Set((await requestsOf(world, userId)).map((s) => s.id));
  const view = await clickForModal(world, userId, 'mesh_request_access', { channel: card.channel, ts: card.ts }, VIEWS.request);
  const answer = await world.post({ kind: 'view_submission', viewId: view.id, values: answersFor(view, answers) });
  if (answer.body !== '') throw new Error(`the request was refused: ${answer.body}`);
  const created = await eventually(async () => {
    const fresh = (await requestsOf(world, userId)).find((s) => !before.has(s.id));
    if (fresh === undefined) throw new Error('no new request yet');
    return fresh;
  });
  await eventually(() => {
    if (dmsAbout(world, userId, created.id).length === 0) throw new Error('requester not told yet');
  });
  return created;
}

/** The subscription as stored now. */
export function current(world: BotWorld, id: string): Promise<Subscription> {
  return world.deps.mesh.getSubscription(as(PEOPLE.ada), { id });
}

/** What the mesh catalog's admin sees granted to the consumer account: resource key → permissions (grantable ones with `+`). */
export async function grantedToConsumer(world: BotWorld): Promise<Record<string, string[]>> {
  const lf = new LakeFormationClient({ region: SANDBOX_REGION, endpoint: world.emulator.endpoint, credentials: sandboxAdminKeys('mesh'), maxAttempts: 1 });
  try {
    return await grantsByResource(lf, CONSUMER, SANDBOX_ACCOUNTS.mesh.id);
  } finally {
    lf.destroy();
  }
}

/** The same view computed from a plan. */
export function expectedFrom(plan: readonly GrantEntry[]): Record<string, string[]> {
  const byResource: Record<string, string[]> = {};
  for (const entry of plan) {
    const key = resourceKey(entry.Resource);
    byResource[key] = [...new Set([...(byResource[key] ?? []), ...entry.Permissions, ...entry.PermissionsWithGrantOption.map((p) => `${p}+`)])].sort();
  }
  return byResource;
}
