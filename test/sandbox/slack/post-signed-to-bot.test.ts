import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, type BlockAction, type SlashCommand, type types } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import { postSignedToBot, type PostSignedOptions, type SignedPostKind } from '../../../src/sandbox/slack/post-signed-to-bot';
import { plainTextValues } from '../../../src/sandbox/slack/slack-payloads';
import { SANDBOX_APP, SANDBOX_BOT_TOKEN, SANDBOX_CHANNELS, SANDBOX_SIGNING_SECRET, SANDBOX_TEAM, SANDBOX_USERS } from '../../../src/sandbox/slack/slack-world';
import { silentLogger, startTestSlack, type TestSlack } from './start-test-slack';

/**
 * The signed requests reach a real Bolt app (HTTPReceiver) whose WebClient talks to the fake Slack
 * API: a small request → approve flow, shaped like Meshbot's, exercises every builder end to end.
 */

let t: TestSlack;
let app: App;
let server: Server;
let eventsUrl: string;
const { consumer, producer } = SANDBOX_USERS;
const PRODUCTS = SANDBOX_CHANNELS.dataProducts.id;
const seen: { commands: SlashCommand[]; actions: BlockAction[] } = { commands: [], actions: [] };

const requestModal = (productId: string): types.ModalView => ({
  type: 'modal',
  callback_id: VIEWS.request,
  private_metadata: productId,
  title: { type: 'plain_text', text: 'Request access' },
  submit: { type: 'plain_text', text: 'Request' },
  blocks: [{ type: 'input', block_id: 'reason', label: { type: 'plain_text', text: 'Why?' }, element: { type: 'plain_text_input', action_id: 'reason_input' }, optional: true }],
});

function post(options: SignedPostKind & Partial<PostSignedOptions>): ReturnType<typeof postSignedToBot> {
  return postSignedToBot({ url: eventsUrl, secret: SANDBOX_SIGNING_SECRET, slack: t.slack, ...options });
}

beforeAll(async () => {
  t = await startTestSlack();
  const receiver = new HTTPReceiver({ signingSecret: SANDBOX_SIGNING_SECRET, processBeforeResponse: true, logLevel: LogLevel.ERROR });
  app = new App({ token: SANDBOX_BOT_TOKEN, receiver, logger: silentLogger, clientOptions: { slackApiUrl: t.slack.apiUrl, retryConfig: { retries: 0 } } });

  app.command('/mesh', async ({ command, ack, client }) => {
    seen.commands.push(command);
    if (command.text === 'help') {
      await ack('Try /mesh request <product>');
      return;
    }
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: requestModal(command.text.split(' ')[1] ?? '') });
  });
  app.view(VIEWS.request, async ({ view, body, ack, client }) => {
    const reason = view.state.values.reason?.reason_input?.value ?? '';
    if (reason === '') {
      await ack({ response_action: 'errors', errors: { reason: 'Say why you need it.' } });
      return;
    }
    await ack();
    await client.chat.postMessage({
      channel: producer.id,
      text: `${body.user.name} asks for ${view.private_metadata}: ${reason}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*${body.user.name}* asks for ${view.private_metadata}` } },
        {
          type: 'actions',
          block_id: 'decide',
          elements: [
            { type: 'button', action_id: ACTIONS.approve, text: { type: 'plain_text', text: 'Approve' }, value: 'sub-1', style: 'primary' },
            { type: 'button', action_id: ACTIONS.deny, text: { type: 'plain_text', text: 'Deny' }, value: 'sub-1' },
          ],
        },
      ],
    });
  });
  app.action<BlockAction>(ACTIONS.approve, async ({ ack, body, respond }) => {
    seen.actions.push(body);
    await ack();
    await respond({ replace_original: true, text: `Approved by ${body.user.name}` });
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `Hello <@${event.user}>` } }] } });
  });

  server = await app.start(0);
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

beforeEach(() => {
  t.slack.reset();
  seen.commands = [];
  seen.actions = [];
});

afterAll(async () => {
  await app.stop();
  await t.slack.close();
});

describe('postSignedToBot into a Bolt receiver', () => {
  it('answers the url_verification challenge', async () => {
    const result = await post({ kind: 'url_verification', challenge: 'c-123' });
    expect(result).toMatchObject({ status: 200, json: { challenge: 'c-123' } });
  });

  it('sends a slash command with Slack’s fields; its trigger opens a modal; the ack’s text reaches the user', async () => {
    const opened = await post({ kind: 'command', user: consumer.id, text: 'request telco-111111111111' });
    expect(opened.status).toBe(200);
    const [command] = seen.commands;
    expect(Object.keys(command!).sort()).toEqual(
      ['api_app_id', 'channel_id', 'channel_name', 'command', 'is_enterprise_install', 'response_url', 'team_domain', 'team_id', 'text', 'token', 'trigger_id', 'user_id', 'user_name'],
    );
    expect(command).toMatchObject({ command: '/mesh', team_id: SANDBOX_TEAM.id, channel_id: PRODUCTS, channel_name: 'data-products', user_id: consumer.id, user_name: 'casey', api_app_id: SANDBOX_APP.appId });
    expect(t.slack.views(consumer.id)).toMatchObject([{ view: { callback_id: VIEWS.request, private_metadata: 'telco-111111111111' } }]);
    expect(t.slack.calls({ method: 'views.open' })).toMatchObject([{ ok: true }]);

    await post({ kind: 'command', user: consumer.id, text: 'help' });
    expect(t.slack.ephemerals(consumer.id, PRODUCTS).map((e) => e.text)).toEqual(['Try /mesh request <product>']);
  });

  it('a view_submission answered with errors keeps the modal open; a valid one closes it', async () => {
    await post({ kind: 'command', user: consumer.id, text: 'request telco-111111111111' });
    const viewId = t.slack.views(consumer.id)[0]!.view.id;

    const refused = await post({ kind: 'view_submission', viewId, values: plainTextValues({ reason: { reason_input: '' } }) });
    expect(refused.json).toEqual({ response_action: 'errors', errors: { reason: 'Say why you need it.' } });
    expect(t.slack.views(consumer.id)).toMatchObject([{ view: { id: viewId }, errors: { reason: 'Say why you need it.' } }]);

    await post({ kind: 'view_submission', viewId, values: plainTextValues({ reason: { reason_input: 'Churn model' } }) });
    expect(t.slack.views(consumer.id)).toEqual([]);
    expect(t.slack.messages(producer.id).map((m) => m.text)).toEqual(['casey asks for telco-111111111111: Churn model']);
  });

  it('a click on a message button carries the message and a response URL that replaces it', async () => {
    await post({ kind: 'command', user: consumer.id, text: 'request telco-111111111111' });
    await post({ kind: 'view_submission', viewId: t.slack.views(consumer.id)[0]!.view.id, values: plainTextValues({ reason: { reason_input: 'Churn' } }) });
    const [request] = t.slack.messages(producer.id);

    const clicked = await post({ kind: 'block_actions', user: producer.id, actionId: ACTIONS.approve, on: { channel: request!.channel, ts: request!.ts } });
    expect(clicked.status).toBe(200);
    const [body] = seen.actions;
    expect(body).toMatchObject({
      type: 'block_actions',
      user: { id: producer.id, username: 'pat', team_id: SANDBOX_TEAM.id },
      team: { id: SANDBOX_TEAM.id },
      container: { type: 'message', message_ts: request!.ts, channel_id: 'D0PRODUCER', is_ephemeral: false },
      channel: { id: 'D0PRODUCER', name: 'directmessage' },
      message: { ts: request!.ts, text: request!.text },
      actions: [{ type: 'button', action_id: ACTIONS.approve, block_id: 'decide', value: 'sub-1', text: { type: 'plain_text', text: 'Approve' } }],
    });
    expect(body!.trigger_id).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    expect(t.slack.messages(producer.id)).toMatchObject([{ ts: request!.ts, text: 'Approved by pat', edited: {} }]);
  });

  it('app_home_opened lets the bot publish the user’s App Home', async () => {
    await post({ kind: 'app_home_opened', user: consumer.id });
    expect(t.slack.home(consumer.id)?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `Hello <@${consumer.id}>` } }]);
  });

  it('the receiver refuses a request signed with another secret or too long ago', async () => {
    expect((await post({ kind: 'app_home_opened', user: consumer.id, secret: 'wrong-secret' })).status).toBe(401);
    expect((await post({ kind: 'app_home_opened', user: consumer.id, timestampSeconds: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    expect(t.slack.home(consumer.id)).toBeUndefined();
  });
});
