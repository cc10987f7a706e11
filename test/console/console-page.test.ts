import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProductCard } from '../../src/bot/blocks/product-card';
import { escapeMrkdwn } from '../../src/bot/blocks/mrkdwn';
import { buildAppHome } from '../../src/bot/views/app-home';
import { parseRequestModal } from '../../src/bot/views/parse-request-modal';
import { buildRequestModal, REQUEST_BLOCKS } from '../../src/bot/views/request-modal';
import { NOW, PAT, TELCO, telcoSubscription } from '../bot/blocks/telco-fixtures';
import { launchChromium, startConsoleSandbox, type ChromiumSession, type SandboxWithConsole } from './console-harness';

// The page against the real sandbox, whatever listeners the bot has: what the bot says is posted
// through the fake Slack API as the bot would (with the real Block Kit builders), and what the page
// sends is read off the bot's receiver by a global middleware — so every payload here passed Bolt's
// signature check. Elements and modals whose ids start with `console_probe` are acked by that
// middleware; everything else goes on to the bot's own listeners.

const PROBE = 'console_probe';
const HOSTILE = '<script>alert(1)</script>';

type Received = Record<string, unknown>;

let sandbox: SandboxWithConsole;
let browser: ChromiumSession;
let page: Page;
const received: Received[] = [];
const dialogs: string[] = [];

function probeAck(body: Received): unknown {
  const view = body.view as { callback_id?: string; state?: { values?: unknown }; private_metadata?: string } | undefined;
  if (body.type !== 'view_submission' || view?.callback_id !== `${PROBE}_request`) return undefined;
  // The bot's own parser judges the console's submission, as the request listener will.
  const parsed = parseRequestModal(view.state?.values, view.private_metadata);
  return parsed.ok ? undefined : { response_action: 'errors', errors: parsed.errors };
}

function isProbe(body: Received): boolean {
  const actions = body.actions as { action_id?: string }[] | undefined;
  const view = body.view as { callback_id?: string } | undefined;
  return actions?.[0]?.action_id?.startsWith(PROBE) === true || (body.type === 'view_submission' && view?.callback_id?.startsWith(PROBE) === true);
}

async function record(args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const body = args.body as Received;
  received.push(body);
  if (isProbe(body) && 'ack' in args) {
    await (args.ack as (response?: unknown) => Promise<void>)(probeAck(body));
    return;
  }
  await args.next();
}

/** The last request of a kind the bot received. */
function lastReceived(predicate: (body: Received) => boolean): Received | undefined {
  return received.filter(predicate).at(-1);
}

async function waitForReceived(predicate: (body: Received) => boolean): Promise<Received> {
  await expect.poll(() => lastReceived(predicate), { timeout: 10_000 }).toBeDefined();
  return lastReceived(predicate)!;
}

const messages = (): ReturnType<Page['locator']> => page.locator('#messages article.message');
const playAs = (name: string): Promise<void> => page.getByRole('button', { name: new RegExp(`^${name}`) }).first().click();

beforeAll(async () => {
  sandbox = await startConsoleSandbox();
  sandbox.bot.app.use(record);
  browser = await launchChromium();
  page = browser.page;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(sandbox.url);
  await page.locator('.persona').first().waitFor();
});
afterAll(async () => {
  await browser.close();
  await sandbox.close();
});

describe('the console page in Chromium', () => {
  it('shows the personas with their roles, #data-products, and the seeded mesh on the right', async () => {
    expect(await page.locator('.persona').allInnerTexts()).toEqual(['Pat\nproducer 111111111111', 'Casey\nconsumer 999999999999', 'Ada\nmesh admin', 'Sam\nproducer 111111111111']);
    expect(await page.locator('.persona[aria-pressed=true]').innerText()).toContain('Pat');
    expect(await page.locator('#conversation-title').innerText()).toBe('#data-products');
    const producer = page.locator('#account-111111111111');
    expect(await producer.locator('.catalog').innerText()).toContain('usecase1_cell_kpis_link 🔗 → 555555555555:telco-111111111111.usecase1_cell_kpis');
    expect(await page.locator('#account-555555555555 .grants').innerText()).toContain('account 111111111111');
    expect(await page.locator('#products').innerText()).toContain('telco-111111111111 v1 · 2 tables · owners Pat, Sam');
  });

  it('works from the keyboard: a persona or conversation chosen with Enter keeps the focus, which is visible', async () => {
    await page.locator('.persona[data-user=U0OWNER2]').focus();
    await page.keyboard.press('Enter');
    await page.locator('.persona[data-user=U0OWNER2][aria-pressed=true]').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.user)).toBe('U0OWNER2');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('.persona[data-user=U0ADMIN][aria-pressed=true]').waitFor();
    await page.locator('#nav-dm').focus();
    await page.keyboard.press('Enter');
    await page.locator('#nav-dm[aria-current=page]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-dm');
    await page.locator('#nav-data-products').click();
    await playAs('Pat');
  });

  it('renders the product card as Slack would: header, fields, mentions, the date and a primary button', async () => {
    const card = buildProductCard(TELCO);
    await sandbox.client.chat.postMessage({ channel: 'C0PRODUCTS', text: card.text, blocks: card.blocks });

    const message = messages().filter({ hasText: 'Telco network KPIs' });
    await message.waitFor();
    expect(await message.locator('.bk-header').innerText()).toBe('Telco network KPIs');
    expect(await message.locator('.bk-field').allInnerTexts()).toEqual(expect.arrayContaining(['Producer account\n111111111111', 'Owners\n@Pat', 'Offered permissions\nSELECT, DESCRIBE']));
    expect(await message.locator('.bk-field code').first().innerText()).toBe('111111111111');
    const button = message.getByRole('button', { name: 'Request access to Telco network KPIs' });
    expect(await button.getAttribute('class')).toBe('bk-button primary');
    expect(await message.locator('.bk-context time').getAttribute('datetime')).toBe('2026-11-20T08:00:00.000Z');
  });

  it('asks a button’s confirm question first, then sends a signed block_actions; chat.update replaces the message in place', async () => {
    // Prepare: a message with a button that asks first.
    const posted = await sandbox.client.chat.postMessage({
      channel: 'C0PRODUCTS',
      text: 'Probe',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '*Probe* request' } },
        {
          type: 'actions',
          block_id: 'probe_actions',
          elements: [
            {
              type: 'button',
              action_id: `${PROBE}_approve`,
              value: 'sub-1',
              style: 'primary',
              text: { type: 'plain_text', text: 'Approve' },
              confirm: { title: { type: 'plain_text', text: 'Approve this?' }, text: { type: 'plain_text', text: 'Grants SELECT.' }, confirm: { type: 'plain_text', text: 'Yes, approve' }, deny: { type: 'plain_text', text: 'Not yet' } },
            },
          ],
        },
      ],
    });
    const message = messages().filter({ hasText: 'Probe request' });
    await message.waitFor();
    const before = received.length;

    // Act: Escape answers "no"; then confirm.
    await message.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Approve this?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(received.length).toBe(before);
    await message.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Yes, approve' }).click();

    // Assess: the click Slack would send.
    const click = await waitForReceived((b) => b.type === 'block_actions');
    expect(click).toMatchObject({
      user: { id: 'U0PRODUCER' },
      container: { type: 'message', message_ts: posted.ts, channel_id: 'C0PRODUCTS' },
      actions: [{ action_id: `${PROBE}_approve`, block_id: 'probe_actions', value: 'sub-1', type: 'button' }],
    });

    // Act: the bot updates the message.
    const count = await messages().count();
    await sandbox.client.chat.update({ channel: 'C0PRODUCTS', ts: posted.ts!, text: 'Approved', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':white_check_mark: *Approved* by <@U0PRODUCER>' } }] });

    // Assess: same place, new content.
    const updated = page.locator(`#messages article[data-ts="${posted.ts!}"]`);
    await updated.filter({ hasText: 'Approved by @Pat' }).waitFor();
    expect(await messages().count()).toBe(count);
    expect(await updated.locator('.edited').innerText()).toBe('(edited)');
    expect(await updated.locator('strong', { hasText: 'Approved' }).count()).toBe(1);
  });

  it('shows an ephemeral message only to its person, marked as such', async () => {
    await sandbox.client.chat.postEphemeral({ channel: 'C0PRODUCTS', user: 'U0CONSUMER', text: 'Usage: `/mesh request <product>`' });
    await playAs('Casey');
    const ephemeral = messages().filter({ hasText: 'Usage:' });
    await ephemeral.waitFor();
    expect(await ephemeral.getAttribute('class')).toBe('message ephemeral');
    expect(await ephemeral.locator('.ephemeral-note').innerText()).toBe('Only visible to you');
    await playAs('Pat');
    await page.locator('.persona[aria-pressed=true]', { hasText: 'Pat' }).waitFor();
    expect(await messages().filter({ hasText: 'Usage:' }).count()).toBe(0);
  });

  it('shows text from Slack as text: no script, no element, no javascript: link', async () => {
    await sandbox.client.chat.postMessage({
      channel: 'C0PRODUCTS',
      text: 'hostile',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '<img src=x onerror="alert(2)">' } },
        { type: 'section', text: { type: 'mrkdwn', text: `Reason: ${escapeMrkdwn(HOSTILE)} and <javascript:alert(3)|click me> and <${HOSTILE}>` } },
      ],
    });
    const message = messages().filter({ hasText: 'Reason:' });
    await message.waitFor();
    expect(await message.locator('.bk-header').innerText()).toBe('<img src=x onerror="alert(2)">');
    expect(await message.locator('.bk-section').innerText()).toBe(`Reason: ${HOSTILE} and click me and <${HOSTILE}>`);
    expect(await page.locator('#messages script, #messages img, #messages a[href^="javascript"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('turns the request modal into the view.state.values the bot parses; errors show under their blocks; Escape closes', async () => {
    // Prepare: the bot opens the request modal for Casey.
    const probeModal = { ...buildRequestModal({ product: TELCO, consumerAccounts: ['999999999999'] }), callback_id: `${PROBE}_request` };
    await sandbox.client.views.open({ trigger_id: sandbox.bot.slack.mintTriggerId('U0CONSUMER'), view: probeModal });
    await playAs('Casey');
    const modal = page.getByRole('dialog', { name: 'Request access' });
    await modal.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);

    // Act: send it empty.
    await modal.getByRole('button', { name: 'Send request' }).click();

    // Assess: the bot's errors, next to their inputs.
    await modal.locator('.bk-error', { hasText: 'Choose at least one table.' }).waitFor();
    expect(await modal.locator(`[data-block-id="${REQUEST_BLOCKS.reason}"] .bk-error`).innerText()).toBe('Tell the owners why you need this data.');

    // Act: fill it in, with markup in the reason, and send.
    await modal.getByRole('checkbox', { name: 'usecase2_customer_churn' }).check();
    await modal.getByRole('textbox', { name: 'Why do you need it?' }).fill(`${HOSTILE} churn model`);
    await modal.getByRole('button', { name: 'Send request' }).click();
    await modal.waitFor({ state: 'detached' });

    // Assess: the submission parses to the request Casey made.
    const submitted = await waitForReceived((b) => b.type === 'view_submission' && JSON.stringify(b).includes('churn model'));
    const view = submitted.view as { state: { values: unknown }; private_metadata: string };
    expect(parseRequestModal(view.state.values, view.private_metadata)).toEqual({
      ok: true,
      value: { productId: 'telco-111111111111', consumerAccountId: '999999999999', tables: ['usecase2_customer_churn'], permissions: ['SELECT'], justification: `${HOSTILE} churn model` },
    });
    expect(sandbox.bot.slack.views('U0CONSUMER')).toEqual([]);

    // Act: another modal, closed with Escape.
    await sandbox.client.views.open({ trigger_id: sandbox.bot.slack.mintTriggerId('U0CONSUMER'), view: probeModal });
    await modal.waitFor();
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
    expect(sandbox.bot.slack.views('U0CONSUMER')).toEqual([]);
  });

  it('sends block_actions, not the form, when Enter is pressed in an input that dispatches on Enter', async () => {
    // Prepare: a modal like the approve modal's columns input.
    await sandbox.client.views.open({
      trigger_id: sandbox.bot.slack.mintTriggerId('U0PRODUCER'),
      view: {
        type: 'modal',
        callback_id: `${PROBE}_preview`,
        title: { type: 'plain_text', text: 'Preview' },
        submit: { type: 'plain_text', text: 'Approve' },
        blocks: [
          {
            type: 'input',
            block_id: 'columns',
            dispatch_action: true,
            label: { type: 'plain_text', text: 'Columns' },
            element: { type: 'plain_text_input', action_id: `${PROBE}_columns`, dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } },
          },
        ],
      },
    });
    await playAs('Pat');
    const modal = page.getByRole('dialog', { name: 'Preview' });
    await modal.waitFor();

    // Act
    await modal.getByRole('textbox', { name: 'Columns' }).fill('cell_id, kpi_date');
    await modal.getByRole('textbox', { name: 'Columns' }).press('Enter');

    // Assess: the typed value as a plain_text_input action from the view, and the modal still open.
    const action = await waitForReceived((b) => b.type === 'block_actions' && JSON.stringify(b.actions).includes(`${PROBE}_columns`));
    expect(action).toMatchObject({
      container: { type: 'view' },
      actions: [{ type: 'plain_text_input', block_id: 'columns', action_id: `${PROBE}_columns`, value: 'cell_id, kpi_date' }],
      view: { state: { values: { columns: { [`${PROBE}_columns`]: { type: 'plain_text_input', value: 'cell_id, kpi_date' } } } } },
    });
    expect(received.some((b) => b.type === 'view_submission' && (b.view as { callback_id?: string }).callback_id === `${PROBE}_preview`)).toBe(false);
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
  });

  it('keeps what was typed and chosen in a modal when the bot updates it (views.update), as Slack does for inputs with the same ids', async () => {
    // Prepare: a modal with a text input and checkboxes, like the approve modal's notes and permissions.
    const probe = (initialNotes: string, note: string): Record<string, unknown> => ({
      type: 'modal',
      callback_id: `${PROBE}_keep`,
      title: { type: 'plain_text', text: 'Keep' },
      submit: { type: 'plain_text', text: 'Save' },
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: note } },
        { type: 'input', block_id: 'notes', label: { type: 'plain_text', text: 'Notes' }, element: { type: 'plain_text_input', action_id: 'notes', initial_value: initialNotes } },
        {
          type: 'input',
          block_id: 'perms',
          label: { type: 'plain_text', text: 'Permissions' },
          element: {
            type: 'checkboxes',
            action_id: 'perms',
            options: ['SELECT', 'DESCRIBE'].map((p) => ({ text: { type: 'plain_text', text: p }, value: p })),
            initial_options: [{ text: { type: 'plain_text', text: 'SELECT' }, value: 'SELECT' }],
          },
        },
        { type: 'input', block_id: 'fresh', label: { type: 'plain_text', text: 'Fresh' }, element: { type: 'plain_text_input', action_id: 'fresh', initial_value: initialNotes } },
      ],
    });
    await playAs('Pat');
    const opened = await sandbox.client.views.open({ trigger_id: sandbox.bot.slack.mintTriggerId('U0PRODUCER'), view: probe('at first', 'Before') as never });
    const modal = page.getByRole('dialog', { name: 'Keep' });
    await modal.getByText('Before').waitFor();

    // Act: type and choose, then the bot updates the view (same block and action ids, other initial values; one block renamed).
    await modal.getByRole('textbox', { name: 'Notes' }).fill('typed by Pat');
    await modal.getByRole('checkbox', { name: 'DESCRIBE' }).check();
    const updated = probe('from the bot', 'After') as { blocks: Record<string, unknown>[] };
    updated.blocks[3] = { ...updated.blocks[3], block_id: 'fresh_renamed' };
    await sandbox.client.views.update({ view_id: opened.view?.id ?? '', view: updated as never });
    await modal.getByText('After').waitFor();

    // Assess: the entries survive; an input whose block id changed starts from the bot's value.
    expect(await modal.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('typed by Pat');
    expect(await modal.getByRole('checkbox', { name: 'DESCRIBE' }).isChecked()).toBe(true);
    expect(await modal.getByRole('checkbox', { name: 'SELECT' }).isChecked()).toBe(true);
    expect(await modal.getByRole('textbox', { name: 'Fresh' }).inputValue()).toBe('from the bot');
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
  });

  it('sends what the composer holds on Enter as a signed /mesh command, from the conversation it was typed in', async () => {
    await playAs('Casey');
    await page.locator('#nav-dm').click();
    await page.locator('#composer').fill('/mesh help');
    await page.locator('#composer').press('Enter');

    const command = await waitForReceived((b) => b.command === '/mesh');
    expect(command).toMatchObject({ command: '/mesh', text: 'help', user_id: 'U0CONSUMER', channel_id: 'D0CONSUMER', team_id: 'T0SANDBOX' });
  });

  it('opens the App Home as Slack does (app_home_opened) and shows what the bot published there', async () => {
    await playAs('Pat');
    await page.locator('#nav-home').click();
    const opened = await waitForReceived((b) => (b.event as { type?: string } | undefined)?.type === 'app_home_opened');
    expect(opened.event).toMatchObject({ type: 'app_home_opened', user: 'U0PRODUCER', tab: 'home' });
    // The bot publishes its own Home for the event; let it finish so the view below is the last one.
    await sandbox.bot.idle();

    const home = buildAppHome({ user: PAT, waiting: { items: [telcoSubscription('PENDING')] }, products: { items: [TELCO] }, subscriptions: { items: [] }, now: NOW });
    await sandbox.client.views.publish({ user_id: 'U0PRODUCER', view: home });
    // The page may still show the bot's own Home (also "Hi @Pat") for a moment: wait for this view's button.
    await page.locator('#home').getByRole('button', { name: 'Approve' }).first().waitFor();
    await expect(page.locator('#home .bk-section', { hasText: 'Hi @Pat' }).count()).resolves.toBeGreaterThan(0);
  });

  it('resets the sandbox after asking, back to an empty Slack, the people mapped and nothing published', async () => {
    await page.locator('#reset').click();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.locator('.toast', { hasText: 'The sandbox is back to its seed.' }).waitFor({ timeout: 20_000 });
    await page.locator('#nav-data-products').click();
    expect(await page.locator('#messages .empty').innerText()).toBe('No messages yet. Type a /mesh command below.');
    expect(await page.locator('#products').innerText()).not.toContain('telco-111111111111');
  });
});
