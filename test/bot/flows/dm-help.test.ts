import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_APP, dmChannelId } from '../../../src/sandbox/slack/slack-world';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { PEOPLE, PRODUCTS_CHANNEL, shown } from './flow-support';

/** The bot's Messages tab: a message typed there is answered with a short help; nothing else is. */

let world: BotWorld;

beforeAll(async () => {
  world = await startBotWorld();
});
afterAll(async () => {
  await world.close();
});

const DM = dmChannelId(PEOPLE.casey);
let seq = 0;
const ts = (): string => `${String(Math.floor(Date.now() / 1000))}.${String(++seq).padStart(6, '0')}`;

/** A `message` event as Slack sends it for the bot's DM with Casey (message.im), overridable. */
function typed(fields: Record<string, unknown>) {
  return { type: 'message', channel: DM, channel_type: 'im', user: PEOPLE.casey, text: 'hello?', ts: ts(), event_ts: ts(), ...fields };
}

/** What the bot posted to a channel since `from` calls were recorded. */
function postedTo(channel: string, from: number) {
  return world.slack
    .calls({ method: 'chat.postMessage' })
    .slice(from)
    .filter((call) => (call.args as { channel?: string }).channel === channel);
}

describe('a message typed to the bot in its DM', () => {
  it('is answered there with a short help naming /mesh help and the commands people start with', async () => {
    const before = world.slack.calls({ method: 'chat.postMessage' }).length;

    const answer = await world.post({ kind: 'event', event: typed({ text: 'how do I get access to the churn tables?' }) });

    expect(answer.status).toBe(200);
    const reply = await vi.waitFor(() => {
      const [found] = world.slack.messages(DM).filter((m) => shown(m).includes('/mesh help'));
      expect(found).toBeDefined();
      return found!;
    });
    const text = shown(reply);
    expect(text).toContain("I don't read messages");
    expect(text).toContain('/mesh products');
    // Escaped as Slack wants it; it reads `/mesh request <product>`.
    expect(text).toContain('/mesh request &lt;product&gt;');
    expect(text).toContain('Home tab');
    expect(postedTo(DM, before)).toHaveLength(1);
  });

  it('is answered in its thread when written in one', async () => {
    const parent = ts();
    const before = world.slack.calls({ method: 'chat.postMessage' }).length;

    await world.post({ kind: 'event', event: typed({ thread_ts: parent }) });

    await vi.waitFor(() => {
      expect(postedTo(DM, before).map((call) => (call.args as { thread_ts?: string }).thread_ts)).toEqual([parent]);
    });
  });

  it('is not answered when a bot wrote it (this one included), when it is an edit, or when it is not in a DM, so no loop can start', async () => {
    const before = world.slack.calls({ method: 'chat.postMessage' }).length;

    await world.post({ kind: 'event', event: typed({ bot_id: 'B0OTHERBOT', user: 'U0OTHERBOT', text: 'I am a bot' }) });
    await world.post({ kind: 'event', event: typed({ bot_id: SANDBOX_APP.botId, user: SANDBOX_APP.botUserId, text: 'my own help' }) });
    await world.post({ kind: 'event', event: typed({ subtype: 'message_changed', message: { type: 'message', user: PEOPLE.casey, text: 'edited', ts: ts() } }) });
    await world.post({ kind: 'event', event: typed({ channel: PRODUCTS_CHANNEL, channel_type: 'channel' }) });
    // A message that is answered, sent last: once its answer is there, the four before it had their chance.
    await world.post({ kind: 'event', event: typed({ text: 'and this one?' }) });

    await vi.waitFor(() => {
      expect(postedTo(DM, before)).toHaveLength(1);
    });
    await world.idle();
    expect(world.slack.calls({ method: 'chat.postMessage' }).slice(before)).toHaveLength(1);
  });
});
