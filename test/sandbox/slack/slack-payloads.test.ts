import type { types } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  appHomeOpenedRequest,
  blockActionsRequest,
  eventCallbackRequest,
  viewClosedRequest,
  viewSubmissionRequest,
} from '../../../src/sandbox/slack/slack-payloads';
import { SANDBOX_APP, SANDBOX_CHANNELS, SANDBOX_TEAM, SANDBOX_USERS } from '../../../src/sandbox/slack/slack-world';
import { startTestSlack, type TestSlack } from './start-test-slack';

let t: TestSlack;
const { consumer, producer } = SANDBOX_USERS;
const PRODUCTS = SANDBOX_CHANNELS.dataProducts.id;
const permissionSelect: types.StaticSelect = {
  type: 'static_select',
  action_id: 'permission',
  placeholder: { type: 'plain_text', text: 'Permission' },
  options: [
    { text: { type: 'plain_text', text: 'SELECT' }, value: 'SELECT' },
    { text: { type: 'plain_text', text: 'DESCRIBE' }, value: 'DESCRIBE' },
  ],
};

async function openModal(user: string): Promise<string> {
  const opened = await t.client().views.open({
    trigger_id: t.slack.mintTriggerId(user),
    view: {
      type: 'modal',
      callback_id: 'mesh_request_modal',
      notify_on_close: true,
      title: { type: 'plain_text', text: 'Request' },
      submit: { type: 'plain_text', text: 'Send' },
      blocks: [{ type: 'section', block_id: 'perm', text: { type: 'mrkdwn', text: 'Permission' }, accessory: permissionSelect }],
    },
  });
  return opened.view!.id!;
}

beforeAll(async () => {
  t = await startTestSlack();
});

beforeEach(() => {
  t.slack.reset();
});

afterAll(async () => {
  await t.slack.close();
});

describe('blockActionsRequest', () => {
  it('a choice in a modal: view container, the view, the selected option, no response URL', async () => {
    const viewId = await openModal(consumer.id);
    const { payload, body, contentType } = blockActionsRequest(t.slack, { user: consumer.id, actionId: 'permission', selected: 'DESCRIBE', on: { viewId } });
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(JSON.parse(new URLSearchParams(body).get('payload')!)).toEqual(payload);
    expect(payload).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: viewId },
      view: { id: viewId, callback_id: 'mesh_request_modal', title: { type: 'plain_text', text: 'Request' }, state: { values: {} } },
      actions: [{ type: 'static_select', action_id: 'permission', block_id: 'perm', selected_option: { value: 'DESCRIBE' } }],
    });
    expect(payload).not.toHaveProperty('response_url');
    expect(payload).not.toHaveProperty('message');
  });

  it('a click on an ephemeral message: is_ephemeral, no message, a response URL that replaces it', async () => {
    const { message_ts } = await t.client().chat.postEphemeral({
      channel: PRODUCTS,
      user: consumer.id,
      text: 'Cancel?',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'mesh_cancel', value: 'sub-9', text: { type: 'plain_text', text: 'Cancel request' } }] }],
    });
    const { payload } = blockActionsRequest(t.slack, { user: consumer.id, actionId: 'mesh_cancel', on: { channel: PRODUCTS, ts: message_ts!, ephemeral: true } });
    expect(payload).toMatchObject({ container: { type: 'message', is_ephemeral: true, message_ts }, actions: [{ value: 'sub-9', block_id: 'b0' }] });
    expect(payload.message).toBeUndefined();
    const id = payload.response_url.slice(payload.response_url.lastIndexOf('/') + 1);
    expect(t.slack.respond(id, { replace_original: true, text: 'Cancelled' })).toEqual({ status: 200, body: { ok: true } });
    expect(t.slack.ephemerals(consumer.id)).toMatchObject([{ text: 'Cancelled', replaced: true }]);
  });

  it('picks among same-id buttons by value, and refuses a button that is not there', async () => {
    // One request per row: Slack wants action ids unique within a block, not within a message.
    const row = (value: string): types.ActionsBlock => ({
      type: 'actions',
      block_id: `row-${value}`,
      elements: [{ type: 'button', action_id: 'mesh_approve', value, text: { type: 'plain_text', text: `Approve ${value}` } }],
    });
    const posted = await t.client().chat.postMessage({ channel: producer.id, text: 'two', blocks: [row('sub-1'), row('sub-2')] });
    const { payload } = blockActionsRequest(t.slack, { user: producer.id, actionId: 'mesh_approve', value: 'sub-2', on: { channel: posted.channel!, ts: posted.ts! } });
    expect(payload.actions[0]).toMatchObject({ value: 'sub-2', block_id: 'row-sub-2', text: { text: 'Approve sub-2' } });
    expect(() => blockActionsRequest(t.slack, { user: producer.id, actionId: 'mesh_deny', on: { channel: posted.channel!, ts: posted.ts! } })).toThrow(/No element mesh_deny/);
    expect(() => blockActionsRequest(t.slack, { user: 'U0NOBODY', actionId: 'mesh_approve', on: { channel: posted.channel!, ts: posted.ts! } })).toThrow(/No Slack user/);
  });
});

describe('view payloads', () => {
  it('view_submission carries the view with the values and the owner of the modal', async () => {
    const viewId = await openModal(consumer.id);
    const values = { perm: { permission: { type: 'static_select', selected_option: { text: { type: 'plain_text' as const, text: 'SELECT' }, value: 'SELECT' } } } };
    const { payload } = viewSubmissionRequest(t.slack, { viewId, values });
    expect(payload).toMatchObject({ type: 'view_submission', user: { id: consumer.id, name: 'casey' }, team: { id: SANDBOX_TEAM.id }, api_app_id: SANDBOX_APP.appId, view: { id: viewId, state: { values } } });
  });

  it('view_closed carries the view; closeView() takes it off the user’s screen', async () => {
    const viewId = await openModal(consumer.id);
    expect(viewClosedRequest(t.slack, { viewId }).payload).toMatchObject({ type: 'view_closed', is_cleared: false, view: { id: viewId }, user: { id: consumer.id } });
    t.slack.closeView(viewId);
    expect(t.slack.views(consumer.id)).toEqual([]);
  });
});

describe('Events API payloads', () => {
  it('app_home_opened: the Home tab of the user’s DM with the bot, in an event_callback envelope', () => {
    const { payload, contentType } = appHomeOpenedRequest(t.slack, { user: producer.id, now: Date.parse('2026-03-01T12:00:00Z') });
    expect(contentType).toBe('application/json');
    expect(payload).toMatchObject({
      type: 'event_callback',
      team_id: SANDBOX_TEAM.id,
      api_app_id: SANDBOX_APP.appId,
      event_time: 1772366400,
      event: { type: 'app_home_opened', user: producer.id, channel: 'D0PRODUCER', tab: 'home', event_ts: '1772366400.000000' },
      authorizations: [{ team_id: SANDBOX_TEAM.id, user_id: SANDBOX_APP.botUserId, is_bot: true }],
    });
    expect(payload.event_id).toMatch(/^Ev[0-9A-F]{10}$/);
  });

  it('wraps any event', () => {
    const event = { type: 'member_joined_channel', user: consumer.id, channel: PRODUCTS, event_ts: '1.000001' };
    expect(eventCallbackRequest(t.slack, { event }).payload.event).toEqual(event);
  });
});
