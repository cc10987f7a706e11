import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../../src/bot/commands/command-specs';
import { SANDBOX_USERS } from '../../../src/sandbox/slack/slack-world';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { as, command, eventually, publishAs, textOf } from './command-flow';

// Issue 15: every example `/mesh help` shows must work on the sample data, typed as is.

let world: BotWorld;
const PRODUCT = 'telco-111111111111';
const PLACEHOLDER_ID = '01HZY3J5Q8W6V2K7N4R9T0BCDE';

/** The sandbox's people by the names examples mention (`@pat`), as Slack sends a mention picked from the list. */
const PEOPLE: Record<string, string> = Object.fromEntries(Object.values(SANDBOX_USERS).map((u) => [u.name, u.id]));

/** What a person who is refused for bad input reads: a usage error, an invalid input, or a name that is not there. */
const BAD_INPUT = ['*Usage*', "That doesn't look right", 'Not found', 'Something went wrong', 'no answer'];

/** Who would type the example: producers publish and decide, Ada administers, Casey asks and looks. */
function typist(example: string): string {
  if (example.startsWith('admin ')) return SANDBOX_USERS.admin.id;
  if (/^(publish|modify|revoke|retry) /.test(example)) return SANDBOX_USERS.producer.id;
  return SANDBOX_USERS.consumer.id;
}

/** The examples of a help answer: the `/mesh …` lines after "Examples:", unescaped as the reader copies them. */
function examplesIn(helpText: string): string[] {
  const lines = helpText.split('\n');
  const out: string[] = [];
  let inExamples = false;
  for (const line of lines) {
    if (line === 'Examples:') inExamples = true;
    else if (inExamples && /^`\/mesh .*`$/.test(line)) out.push(line.slice('`/mesh '.length, -1).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    else inExamples = false;
  }
  return out;
}

/** Type `/mesh <text>` as `user`, as Slack sends it (mentions picked from the list), and return all the user was shown. */
async function typeExample(user: string, example: string): Promise<string> {
  const text = example.replace(/@([a-z]+)/g, (whole, name: string) => (PEOPLE[name] === undefined ? whole : `<@${PEOPLE[name]}|${name}>`));
  if (text.startsWith('publish ')) return (await publishAs(world, user, text)).told;
  // The reader closes a form before typing the next command, as Slack shows one modal stack at a time.
  for (const open of world.slack.views(user)) world.slack.closeView(open.view.id);
  const views = world.slack.views(user).length;
  const responses = world.slack.responses().length;
  const ack = await world.post({ kind: 'command', user, text });
  expect(ack.status).toBe(200);
  const ackCount = ack.body === '' ? 0 : 1;
  // An answer through the response URL, or a form (a request without a reason opens the request modal).
  const shown = await eventually(() => {
    const answer = world.slack.responses().slice(responses + ackCount).find((r) => r.user === user);
    if (answer !== undefined) return textOf(answer.blocks ?? answer.text);
    const opened = world.slack.views(user).slice(views).at(-1);
    const form = opened === undefined ? undefined : textOf(opened.view.blocks);
    return form === undefined || form.startsWith('Loading') ? undefined : form;
  });
  await world.jobs.idle();
  return shown;
}

beforeAll(async () => {
  world = await startBotWorld();
  // The sample product may start unpublished: Pat publishes it as the workshop does, through the command.
  const listed = await world.deps.mesh.getProduct(as(SANDBOX_USERS.consumer.id), { productId: PRODUCT }).catch(() => undefined);
  if (listed === undefined) await publishAs(world, SANDBOX_USERS.producer.id, 'publish telco usecase*');
});
afterAll(async () => {
  await world.close();
});

describe('/mesh help examples on the sample data', () => {
  it('shows examples for every command', async () => {
    const topics = [...COMMAND_SPECS.filter((spec) => !spec.admin).map((spec) => spec.name), 'admin'];
    const examples: string[] = [];
    // One at a time: each answer is matched to its command by order.
    for (const topic of topics) examples.push(...examplesIn((await command(world, SANDBOX_USERS.consumer.id, `help ${topic}`)).text));
    expect(examples).toHaveLength(COMMAND_SPECS.reduce((n, spec) => n + spec.examples.length, 0));
  });

  it('runs every example, as the person who would type it, without a refusal for bad input', async () => {
    const topics = [...COMMAND_SPECS.filter((spec) => !spec.admin).map((spec) => spec.name), 'admin'];
    const refused: string[] = [];
    let subscriptionId: string | undefined;
    for (const topic of topics) {
      const { text } = await command(world, SANDBOX_USERS.consumer.id, `help ${topic}`);
      for (const example of examplesIn(text)) {
        // An id in help is a placeholder: the reader types one of their own, here Casey's request made by the examples before.
        const typed = subscriptionId === undefined ? example : example.replace(PLACEHOLDER_ID, subscriptionId);
        const told = await typeExample(typist(typed), typed).catch((error: unknown) => `no answer: ${String(error)}`);
        const bad = BAD_INPUT.find((marker) => told.includes(marker));
        if (bad !== undefined) refused.push(`/mesh ${typed} → ${told.slice(0, 300)}`);
        if (subscriptionId === undefined && typed.startsWith('request ')) {
          subscriptionId = (await world.deps.mesh.listSubscriptions(as(SANDBOX_USERS.consumer.id), { kind: 'mine' })).items[0]?.id;
        }
      }
    }
    expect(subscriptionId).toBeDefined();
    expect(refused).toEqual([]);
  });
});
