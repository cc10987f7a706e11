import { ACTIONS } from '../src/bot/interaction-ids';
import type { SandboxBot } from '../src/sandbox/bot/sandbox-bot';
import { postSignedToBot } from '../src/sandbox/slack/post-signed-to-bot';
import { dmChannelId, SANDBOX_SIGNING_SECRET } from '../src/sandbox/slack/slack-world';

/** What one step of a subscription's life cost: Slack Web API calls, DynamoDB commands and AWS calls. */
export interface StepCosts {
  step: string;
  slack: Record<string, number>;
  storeReads: number;
  storeWrites: number;
  aws: Record<string, number>;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'ScanCommand', 'TransactGetItemsCommand']);

const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** Run `act` and everything it queues, and count what it cost. */
async function costOf(bot: SandboxBot, step: string, act: () => Promise<unknown>): Promise<StepCosts> {
  await bot.idle();
  bot.slack.clear();
  bot.emulator.controls.calls.clear();
  const before = bot.storeCalls();
  await act();
  await bot.idle();
  const after = bot.storeCalls();
  let storeReads = 0;
  let storeWrites = 0;
  for (const [command, count] of Object.entries(after)) {
    const delta = count - (before[command] ?? 0);
    if (READS.has(command)) storeReads += delta;
    else storeWrites += delta;
  }
  const slack: Record<string, number> = {};
  for (const call of bot.slack.calls()) slack[call.method] = (slack[call.method] ?? 0) + 1;
  const aws: Record<string, number> = {};
  for (const call of bot.emulator.controls.calls.list()) aws[call.service] = (aws[call.service] ?? 0) + 1;
  return { step, slack, storeReads, storeWrites, aws };
}

/**
 * One request of the seeded two-owner product (`telco-111111111111`, owners Pat and Sam), its approval
 * by a click of Pat's and its revoke by command, each through signed requests; what each step costs.
 */
export async function decisionCosts(bot: SandboxBot): Promise<StepCosts[]> {
  const base = { url: bot.eventsUrl, secret: SANDBOX_SIGNING_SECRET, slack: bot.slack } as const;
  const product = 'telco-111111111111';
  const request = await costOf(bot, 'request (with a reason, posted to both owners)', () =>
    postSignedToBot({ ...base, kind: 'command', user: 'U0CONSUMER', text: `request ${product} all SELECT costs of one decision` }),
  );
  const card = bot.slack.messages(dmChannelId('U0PRODUCER')).at(-1);
  const id = card ? JSON.stringify(card.blocks).match(/"value":"([0-9A-HJKMNP-TV-Z]{26})"/)?.[1] : undefined;
  if (!card || id === undefined) throw new Error('the owner got no request message with decision buttons');
  const approve = await costOf(bot, '[Approve] click → grant job → DM', () =>
    postSignedToBot({ ...base, kind: 'block_actions', user: 'U0PRODUCER', actionId: ACTIONS.approve, on: { channel: card.channel, ts: card.ts }, value: id }),
  );
  const revoke = await costOf(bot, '`/mesh revoke` → revoke job', () => postSignedToBot({ ...base, kind: 'command', user: 'U0PRODUCER', text: `revoke ${id} costs measured` }));
  return [request, approve, revoke];
}

/** The costs as a markdown table. */
export function costsTable(costs: readonly StepCosts[]): string {
  const list = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, n]) => `${name} ${String(n)}`)
      .join(', ');
  return [
    '| step | Slack Web API calls | DynamoDB reads / writes | AWS calls |',
    '|---|---|---|---|',
    ...costs.map((c) => `| ${c.step} | **${String(total(c.slack))}**: ${list(c.slack)} | **${String(c.storeReads)}** / **${String(c.storeWrites)}** | **${String(total(c.aws))}**: ${list(c.aws)} |`),
  ].join('\n');
}
