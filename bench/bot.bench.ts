import { CreateTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { startSandboxBot } from '../src/bot/entry/sandbox-bot';
import { ACTIONS } from '../src/bot/interaction-ids';
import { SANDBOX_PEOPLE } from '../src/sandbox/seed/seed-mesh';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION, sandboxAdminKeys } from '../src/sandbox/seed/sandbox-accounts';
import { postSignedToBot } from '../src/sandbox/slack/post-signed-to-bot';
import { dmChannelId, SANDBOX_SIGNING_SECRET } from '../src/sandbox/slack/slack-world';
import type { PreparedRequest, ThreadRequest } from './bot-thread';
import { quantile } from './measure';
import type { BenchSection } from './results-file';

const COMMANDS = 100;
const APPROVALS = 7;
const TABLES = 20;

/** Send `count` signed commands at once to the bot running in its own thread; each one's time to its ack, sorted. */
async function ackLatencies(): Promise<number[]> {
  // Workers do not inherit tsx's loader on Node 20, so the thread registers it before importing the .ts entry.
  const entry = JSON.stringify(new URL('./bot-thread.ts', import.meta.url).href);
  const thread = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true });
  const ask = <T>(message: ThreadRequest): Promise<T> =>
    new Promise((resolve) => {
      thread.once('message', (answer: T) => {
        resolve(answer);
      });
      thread.postMessage(message);
    });
  await new Promise((resolve) => thread.once('message', resolve));
  try {
    const burst = async (): Promise<number[]> => {
      const requests = await ask<PreparedRequest[]>({ type: 'prepare', count: COMMANDS, text: 'products telco', users: ['U0CONSUMER', 'U0PRODUCER'] });
      const times = await Promise.all(
        requests.map(async (request) => {
          const started = performance.now();
          const answer = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
          await answer.arrayBuffer();
          if (answer.status !== 200) throw new Error(`a command was answered ${String(answer.status)}`);
          return performance.now() - started;
        }),
      );
      await ask({ type: 'idle' });
      return times.sort((a, b) => a - b);
    };
    await burst(); // warm-up: JIT, sockets, caches
    return await burst();
  } finally {
    await ask({ type: 'close' });
    await thread.terminate();
  }
}

/**
 * The bot as Slack sees it, through signed requests into the sandbox's real Bolt receiver: the ack
 * latency of 100 concurrent slash commands, and the wall time from an owner's [Approve] click to the
 * requester's DM with the names to query, for a 20-table product.
 */
export async function run(): Promise<BenchSection[]> {
  const bot = await startSandboxBot({ port: 0, awsPort: 0, dynamoPort: 0, signingSecret: SANDBOX_SIGNING_SECRET, logger: pino({ level: 'silent' }) });
  const base = { url: bot.eventsUrl, secret: SANDBOX_SIGNING_SECRET, slack: bot.slack } as const;
  const glue = new GlueClient({ endpoint: bot.emulator.endpoint, region: SANDBOX_REGION, credentials: sandboxAdminKeys('producer') });
  try {
    const acks = await ackLatencies();

    // A 20-table product, so each approval grants 21 Lake Formation entries (two batches).
    for (let i = 0; i < TABLES; i++) {
      await glue.send(
        new CreateTableCommand({
          DatabaseName: 'telco',
          TableInput: { Name: `bench_${String(i).padStart(2, '0')}`, StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: `s3://producer-111111111111-telco/bench_${String(i)}/` } },
        }),
      );
    }
    const mesh = bot.deps.mesh;
    const { product } = await mesh.publishProduct({ user: SANDBOX_PEOPLE.pat, requestId: 'bench-publish' }, {
      producerAccountId: SANDBOX_ACCOUNTS.producer.id,
      sourceDatabase: 'telco',
      tablePattern: 'bench_*',
      meshDatabase: 'bench-111111111111',
    });
    const walls: number[] = [];
    for (let run = 0; run <= APPROVALS; run++) {
      const request = await postSignedToBot({ ...base, kind: 'command', user: 'U0CONSUMER', text: `request ${product.id} all SELECT bench run ${String(run)}` });
      if (request.status !== 200) throw new Error(`request answered ${String(request.status)}`);
      await bot.idle();
      const owners = bot.slack.messages(dmChannelId('U0PRODUCER'));
      const card = owners.at(-1);
      if (!card) throw new Error('the owner got no request message');
      const subscriptionId = JSON.stringify(card.blocks).match(/"value":"([0-9A-HJKMNP-TV-Z]{26})"/)?.[1];
      if (subscriptionId === undefined) throw new Error('the request message has no decision buttons');
      const dmsBefore = bot.slack.messages(dmChannelId('U0CONSUMER')).length;
      const started = performance.now();
      await postSignedToBot({ ...base, kind: 'block_actions', user: 'U0PRODUCER', actionId: ACTIONS.approve, on: { channel: card.channel, ts: card.ts }, value: subscriptionId });
      await bot.idle();
      const wall = performance.now() - started;
      const outcome = bot.slack.messages(dmChannelId('U0CONSUMER')).slice(dmsBefore).find((m) => m.text.includes(product.id) || JSON.stringify(m.blocks).includes('bench_00'));
      if ((await mesh.getSubscription({ user: SANDBOX_PEOPLE.pat, requestId: 'bench' }, { id: subscriptionId })).status !== 'ACTIVE' || !outcome) {
        throw new Error(`run ${String(run)}: the subscription did not end ACTIVE with a DM to the requester`);
      }
      // The first run warms the code paths; the rest are measured.
      if (run > 0) walls.push(wall);
      await mesh.revokeSubscription({ user: SANDBOX_PEOPLE.pat, requestId: `bench-revoke-${String(run)}` }, { id: subscriptionId, reason: 'benchmark run over' });
    }
    walls.sort((a, b) => a - b);
    const ms = (n: number): string => n.toFixed(1);
    const body = [
      'The sandbox bot (Bolt HTTPReceiver, fake Slack Web API, AWS emulator, dynalite) on the 2-core machine; requests signed like Slack\'s. For the acks the bot runs in a worker thread of its own (its event loop is the server\'s; the commands\' follow-up work — DynamoDB query, answer to Slack — shares it, since dynalite and the fake Slack run there too) and the 100 commands are fired at once from the benchmark\'s thread after one warm-up burst.',
      '',
      `| measure | runs | p50 / median ms | p99 / max ms | target |`,
      `|---|---|---|---|---|`,
      `| ack of \`/mesh products telco\`, ${String(COMMANDS)} in flight at once | ${String(acks.length)} | **${ms(quantile(acks, 0.5))}** | **${ms(quantile(acks, 0.99))}** | p99 ≤ 50 (Slack's limit 3,000) |`,
      `| [Approve] click → requester's DM with the names, ${String(TABLES)}-table product | ${String(walls.length)} | **${ms(quantile(walls, 0.5))}** | ${ms(walls.at(-1) ?? Number.NaN)} | ≤ 1,000 |`,
      '',
      'The approval is measured from sending the signed click until the grant job has finished: the click acked, the owners\' messages set to Granting, 21 Lake Formation entries granted in 2 calls, the consumer\'s share accepted and link created, the messages set to Active and the DM sent.',
    ].join('\n');
    return [{ title: 'Slack: ack latency and approval to DM', body }];
  } finally {
    glue.destroy();
    await bot.close();
  }
}
