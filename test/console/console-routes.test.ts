import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../src/sandbox/console/console-types';
import { startConsoleSandbox, type SandboxWithConsole } from './console-harness';

let sandbox: SandboxWithConsole;

beforeAll(async () => {
  sandbox = await startConsoleSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const post = async (path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
  const response = await fetch(`${sandbox.bot.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

const state = async (): Promise<ConsoleState> => (await (await fetch(`${sandbox.bot.url}/_console/state`)).json()) as ConsoleState;

/** Read server-sent events until one satisfies `until`; the stream is closed after. */
async function nextState(until: (state: ConsoleState) => boolean, act: () => Promise<unknown>): Promise<ConsoleState> {
  const controller = new AbortController();
  const response = await fetch(`${sandbox.bot.url}/_console/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let acted = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: state\ndata: (.*)$/s.exec(event)?.[1];
        if (data === undefined) continue;
        const parsed = JSON.parse(data) as ConsoleState;
        if (acted && until(parsed)) return parsed;
        if (!acted) {
          acted = true;
          await act();
        }
      }
    }
  } finally {
    controller.abort();
  }
}

describe('the console page', () => {
  it('is served at / with a CSP that allows only its own script, and its script and style beside it', async () => {
    const page = await fetch(`${sandbox.bot.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/console.js"></script>');
    const script = await fetch(`${sandbox.bot.url}/console.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await script.text()).length).toBeGreaterThan(1000);
    expect((await fetch(`${sandbox.bot.url}/console.css`)).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('leaves the bot’s own paths to the bot', async () => {
    expect((await fetch(`${sandbox.bot.url}/_sandbox/slack/state`)).status).toBe(200);
    const nowhere = await fetch(`${sandbox.bot.url}/nowhere`);
    expect([nowhere.status, await nowhere.text()]).toEqual([404, 'nothing is served at /nowhere']);
  });
});

describe('GET /_console/state', () => {
  it('shows the people with their roles, and the mesh as npm start leaves it', async () => {
    const s = await state();
    expect(s.slack.people.map((p) => [p.realName, p.roles])).toEqual([
      ['Pat', ['producer 111111111111']],
      ['Casey', ['consumer 999999999999']],
      ['Ada', ['mesh admin']],
      ['Sam', ['producer 111111111111']],
    ]);
    const [mesh, producer, consumer] = s.mesh.accounts;
    expect(mesh?.databases).toEqual([
      { name: 'telco-111111111111', tables: [expect.objectContaining({ name: 'usecase1_cell_kpis' }), expect.objectContaining({ name: 'usecase2_customer_churn' })] },
    ]);
    expect(mesh?.grants).toContainEqual(expect.objectContaining({ principal: 'account 111111111111', resource: 'database telco-111111111111', permissions: ['DESCRIBE'], grantable: ['DESCRIBE'] }));
    expect(producer?.databases[0]?.tables).toContainEqual({ name: 'usecase1_cell_kpis_link', linkTo: '555555555555:telco-111111111111.usecase1_cell_kpis', columns: 0 });
    expect(producer?.invitations).toEqual([expect.objectContaining({ sender: '555555555555', status: 'ACCEPTED' })]);
    expect(consumer).toMatchObject({ id: '999999999999', databases: [], grants: [], invitations: [] });
    expect(s.mesh.products).toEqual([expect.objectContaining({ id: 'telco-111111111111', owners: ['U0PRODUCER', 'U0OWNER2'], version: 1 })]);
    expect(s.mesh.subscriptions).toEqual([]);
  });
});

describe('POST /_console/*', () => {
  it('refuses bad bodies with a 400 naming each field', async () => {
    expect(await post('/_console/command', { user: 'pat' })).toEqual({
      status: 400,
      json: { error: 'user: must be a Slack user id such as U0CONSUMER; text: Invalid input: expected string, received undefined' },
    });
    const action = await post('/_console/action', { user: 'U0PRODUCER', actionId: 'x', on: { channel: 'C0PRODUCTS', ts: 'yesterday' } });
    expect(action).toEqual({ status: 400, json: { error: 'on.ts: must be a message ts such as 1767225600.000100' } });
    expect((await post('/_console/submit', { user: 'U0PRODUCER', viewId: 'V1', values: {}, extra: 1 })).json.error).toMatch(/Unrecognized key: "extra"/);
    const notJson = await fetch(`${sandbox.bot.url}/_console/home`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('refuses what Slack could not send: an unknown person, message or modal', async () => {
    expect(await post('/_console/home', { user: 'U0NOBODY' })).toEqual({ status: 400, json: { error: 'No person U0NOBODY in the sandbox workspace.' } });
    const click = await post('/_console/action', { user: 'U0PRODUCER', actionId: 'mesh_approve', on: { channel: 'C0PRODUCTS', ts: '1.000001' } });
    expect(click).toEqual({ status: 400, json: { error: 'No message 1.000001 in C0PRODUCTS for U0PRODUCER.' } });
    const submit = await post('/_console/submit', { user: 'U0CONSUMER', viewId: 'V00000099', values: {} });
    expect(submit).toEqual({ status: 409, json: { error: 'U0CONSUMER has no open modal V00000099 (it was closed or replaced).' } });
    expect((await post('/_console/nothing', {})).status).toBe(404);
  });
});

describe('GET /_console/events', () => {
  it('pushes the state when the bot says something in Slack', async () => {
    const pushed = await nextState(
      (s) => (s.slack.messages.C0PRODUCTS ?? []).some((m) => m.text === 'hello from the bot'),
      () => sandbox.client.chat.postMessage({ channel: 'C0PRODUCTS', text: 'hello from the bot' }),
    );
    expect(pushed.slack.messages.C0PRODUCTS).toEqual([expect.objectContaining({ text: 'hello from the bot', user: 'U0MESHBOT', ephemeral: false, edited: false })]);
  });

  it('pushes ephemeral messages to the one person who sees them', async () => {
    const pushed = await nextState(
      (s) => (s.slack.ephemerals.U0CONSUMER ?? []).length > 0,
      () => sandbox.client.chat.postEphemeral({ channel: 'C0PRODUCTS', user: 'U0CONSUMER', text: 'only for Casey' }),
    );
    expect(pushed.slack.ephemerals).toEqual({ U0CONSUMER: [expect.objectContaining({ text: 'only for Casey', ephemeral: true, channel: 'C0PRODUCTS' })] });
  });
});

describe('POST /_console/reset', () => {
  it('puts Slack, the AWS accounts and the store back to the seed: the people mapped, nothing published', async () => {
    // Prepare: something said, something changed in AWS.
    await sandbox.client.chat.postMessage({ channel: 'C0PRODUCTS', text: 'before the reset' });
    sandbox.bot.emulator.controls.clock.advance(60);

    // Act
    const answer = await post('/_console/reset', {});

    // Assess
    expect(answer.status).toBe(200);
    const after = answer.json as unknown as ConsoleState;
    expect(after.slack.messages).toEqual({});
    expect(after.slack.ephemerals).toEqual({});
    expect(after.mesh.products).toEqual([]);
    // The links a publish made in the producer's catalog are gone with the AWS state; its tables are back.
    expect(after.mesh.accounts[1]?.databases[0]?.tables.map((t) => t.name)).toContain('usecase2_customer_churn');
    expect(after.mesh.accounts[1]?.databases[0]?.tables.map((t) => t.name)).not.toContain('usecase2_customer_churn_link');
    expect(after.slack.people.find((p) => p.id === 'U0CONSUMER')?.roles).toEqual(['consumer 999999999999']);
  });
});
