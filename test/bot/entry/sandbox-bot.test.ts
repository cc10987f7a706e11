import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SIGNING_SECRET } from '../../../src/sandbox/slack/slack-world';
import { postSignedToBot } from '../../../src/sandbox/slack/post-signed-to-bot';
import { startBotWorld, type BotWorld } from '../../support/bot-world';

let world: BotWorld;

beforeAll(async () => {
  world = await startBotWorld();
});
afterAll(async () => {
  await world.close();
});

describe('the sandbox bot', () => {
  it('answers Slack’s URL verification on /slack/events', async () => {
    const answer = await world.post({ kind: 'url_verification', challenge: 'c-1' });
    expect(answer).toMatchObject({ status: 200, json: { challenge: 'c-1' } });
  });

  it('refuses a bad signature and a timestamp older than five minutes with 401, and does nothing', async () => {
    world.slack.clear();
    const forged = await postSignedToBot({ url: world.eventsUrl, secret: 'not-the-secret', slack: world.slack, kind: 'command', user: 'U0CONSUMER', text: 'pending' });
    const stale = await postSignedToBot({
      url: world.eventsUrl,
      secret: SANDBOX_SIGNING_SECRET,
      slack: world.slack,
      kind: 'command',
      user: 'U0CONSUMER',
      text: 'pending',
      timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60,
    });

    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    await world.jobs.idle();
    expect(world.slack.calls().filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('starts with the people mapped and the sample product published', async () => {
    const product = await world.deps.mesh.getProduct({ user: { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' }, requestId: 't' }, { productId: 'telco-111111111111' });
    expect(product.tables).toEqual(['usecase1_cell_kpis', 'usecase2_customer_churn']);
    expect(product.owners.map((o) => o.userId)).toEqual(['U0PRODUCER', 'U0OWNER2']);
  });
});
