import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedToBot } from '../../src/sandbox/slack/post-signed-to-bot';
import { SANDBOX_SIGNING_SECRET } from '../../src/sandbox/slack/slack-world';
import { consoleMoves, launchChromium, startConsoleSandbox, type ChromiumSession, type SandboxWithConsole } from './console-harness';

// The TLC303 workshop end to end, by clicks and keys in the console, against the bot's real
// listeners and jobs: nothing here is stubbed, so each step fails loudly (naming the step) when the
// bot does not do its part. Steps build on each other and run in order.

const HOSTILE = '<script>alert(1)</script>';
const REASON = `Churn model for the Q4 retention campaign ${HOSTILE}`;
const DENIAL = `Use the anonymised churn view instead ${HOSTILE}`;
// Quoted, as the bot writes SQL names with a hyphen.
const NAME_TO_QUERY = '"telco-111111111111"."usecase1_cell_kpis"';
const STEP_TIMEOUT_MS = 15_000;
// `npm run screenshot` refreshes the README's picture; a plain test run leaves the checkout untouched.
const README_PICTURE = fileURLToPath(new URL('../../docs/console.png', import.meta.url));
const UPDATE_PICTURE = process.env.UPDATE_SCREENSHOT === '1';

let sandbox: SandboxWithConsole;
let browser: ChromiumSession | undefined;
let page: Page;
const dialogs: string[] = [];

const { messages, playAs, open, type } = consoleMoves(() => page);

/** Fail at once, saying what is missing, when the bot has no /mesh listener (it then never acks). */
async function requireListeners(): Promise<void> {
  const answer = await postSignedToBot({ url: sandbox.bot.eventsUrl, secret: SANDBOX_SIGNING_SECRET, slack: sandbox.bot.slack, kind: 'command', user: 'U0CONSUMER', text: 'help' });
  if (answer.status !== 200) {
    throw new Error(
      `The workshop test needs the bot's listeners: /mesh help was answered HTTP ${answer.status} (no listener acked it). ` +
        'It runs against the /mesh command listeners and the buttons, modals and jobs of the interaction listeners once they are merged.',
    );
  }
  sandbox.bot.slack.reset();
}

beforeAll(async () => {
  // As the workshop starts: people mapped, nothing published, so its first step publishes.
  sandbox = await startConsoleSandbox({ published: false });
  await requireListeners();
  browser = await launchChromium();
  ({ page } = browser);
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(sandbox.url);
  await page.locator('.persona').first().waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await sandbox.close();
});

describe('the workshop, by clicks in the console', () => {
  it('Pat types /mesh publish telco usecase* with Sam as second owner and presses Enter; the product, unpublished until then, is published and its card appears in #data-products', async () => {
    await expect(page.locator('#products').innerText()).resolves.not.toContain('telco-111111111111');
    await playAs('Pat');
    await open('data-products');
    // Pat and Sam own it (Sam decides the second request below); the composer sends mentions as Slack does, escaped.
    await type('/mesh publish telco usecase* --owners <@U0PRODUCER|pat> <@U0OWNER2|sam>');

    const card = messages().filter({ has: page.getByRole('button', { name: /^Request access/ }) });
    await card.waitFor();
    expect(await card.locator('.bk-fields').innerText()).toContain('telco-111111111111');
    await page.locator('#products', { hasText: 'telco-111111111111 v1' }).waitFor();
  });

  it('Casey clicks [Request access], says why and sends the request; Pat gets it in his DM', async () => {
    await playAs('Casey');
    await open('data-products');
    await messages().getByRole('button', { name: /^Request access/ }).last().click();

    const modal = page.getByRole('dialog', { name: 'Request access' });
    await modal.getByRole('checkbox', { name: 'usecase1_cell_kpis' }).check();
    await modal.getByRole('checkbox', { name: 'usecase2_customer_churn' }).check();
    await modal.getByRole('textbox', { name: 'Why do you need it?' }).fill(REASON);
    await modal.getByRole('button', { name: 'Send request' }).click();
    await modal.waitFor({ state: 'detached' });

    await playAs('Pat');
    await open('dm');
    const request = messages().filter({ has: page.getByRole('button', { name: 'Approve', exact: true }) }).last();
    await request.waitFor();
    expect(await request.innerText()).toContain(REASON);
  });

  it('Pat clicks [Approve] and confirms; Casey gets a DM with the names to query', async () => {
    await messages().getByRole('button', { name: 'Approve', exact: true }).last().click();
    const confirm = page.getByRole('alertdialog', { name: 'Approve this request?' });
    expect(await confirm.innerText()).toContain('Account 999999999999 gets');
    await confirm.getByRole('button', { name: 'Approve' }).click();

    await playAs('Casey');
    await open('dm');
    await page.locator('#messages pre', { hasText: NAME_TO_QUERY }).last().waitFor();
  });

  it('shows the grants, the accepted invitation and Casey’s resource link on the right', async () => {
    const subscription = page.locator('#subscriptions .subscription[data-status=ACTIVE]');
    await subscription.waitFor();
    expect(await subscription.locator('.names').innerText()).toContain(NAME_TO_QUERY);
    expect(await subscription.locator('.reason').innerText()).toBe(REASON);
    expect(await subscription.locator('.history li').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/request PENDING by Casey/), expect.stringMatching(/approve PENDING → GRANTING by Pat/), expect.stringMatching(/grant-succeeded GRANTING → ACTIVE/)]),
    );
    const grants = await page.locator('#account-555555555555 .grants').innerText();
    expect(grants).toMatch(/account 999999999999\s+table telco-111111111111\.usecase1_cell_kpis \(all columns\)\s+SELECT/);
    const consumer = page.locator('#account-999999999999');
    expect(await consumer.locator('.catalog').innerText()).toContain('telco-111111111111 🔗 resource link → 555555555555:telco-111111111111');
    expect(await consumer.locator('.invitation').allInnerTexts()).toContainEqual(expect.stringMatching(/^ACCEPTED .* from 555555555555$/));
    expect(await subscription.locator('.plan').innerText()).toMatch(/account 999999999999\s+table telco-111111111111\.usecase1_cell_kpis \(all columns\)\s+SELECT.*\s+DONE/);
    expect(await subscription.locator('.resource-links').innerText()).toContain('999999999999: telco-111111111111 → 555555555555:telco-111111111111');

    // The README's picture: Casey's names to query on the left, the subscription with its plan and links on the right.
    await page.locator('#messages pre', { hasText: NAME_TO_QUERY }).last().scrollIntoViewIfNeeded();
    await page.locator('#mesh').evaluate((pane) => {
      pane.scrollTop = 0;
    });
    const folder = UPDATE_PICTURE ? fileURLToPath(new URL('../../docs/', import.meta.url)) : await mkdtemp(join(tmpdir(), 'meshbot-screenshot-'));
    await mkdir(folder, { recursive: true });
    const picture = UPDATE_PICTURE ? README_PICTURE : join(folder, 'console.png');
    await page.screenshot({ path: picture, animations: 'disabled' });
    const png = await readFile(picture);
    // A PNG of the whole 1280×800 viewport (IHDR width and height at bytes 16–23).
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
    if (!UPDATE_PICTURE) await rm(folder, { recursive: true, force: true });
  });

  it('Sam denies a second request with a reason; Casey reads it in her DM', async () => {
    await playAs('Casey');
    await open('data-products');
    await type('/mesh request telco-111111111111 usecase2_customer_churn select');
    const modal = page.getByRole('dialog', { name: 'Request access' });
    await modal.getByRole('textbox', { name: 'Why do you need it?' }).fill('Second look at churn');
    await modal.getByRole('button', { name: 'Send request' }).click();
    await modal.waitFor({ state: 'detached' });

    await playAs('Sam');
    await open('dm');
    await messages().filter({ hasText: 'Second look at churn' }).getByRole('button', { name: 'Deny', exact: true }).click();
    const deny = page.getByRole('dialog', { name: 'Deny request' });
    await deny.getByRole('textbox', { name: 'Why are you denying it?' }).fill(DENIAL);
    await deny.getByRole('button', { name: 'Deny', exact: true }).click();
    await deny.waitFor({ state: 'detached' });

    await playAs('Casey');
    await open('dm');
    await messages().filter({ hasText: DENIAL }).last().waitFor();
    await page.locator('#subscriptions .subscription[data-status=DENIED]').waitFor();
  });

  it('Pat approves a third request with changes: one permission fewer, one column, the preview following each change', async () => {
    await playAs('Casey');
    await open('data-products');
    await messages().getByRole('button', { name: /^Request access/ }).last().click();
    const request = page.getByRole('dialog', { name: 'Request access' });
    await request.getByRole('checkbox', { name: 'usecase1_cell_kpis' }).check();
    await request.getByRole('checkbox', { name: 'DESCRIBE' }).check();
    await request.getByRole('textbox', { name: 'Why do you need it?' }).fill('Third: cell ids only');
    await request.getByRole('button', { name: 'Send request' }).click();
    await request.waitFor({ state: 'detached' });

    await playAs('Pat');
    await open('dm');
    await messages().filter({ hasText: 'Third: cell ids only' }).getByRole('button', { name: 'Approve with changes' }).click();
    const modal = page.getByRole('dialog', { name: 'Approve with changes' });
    await modal.getByRole('group', { name: 'Grant these permissions' }).getByRole('checkbox', { name: 'DESCRIBE' }).uncheck();
    await modal.getByText('Not granted, though requested: DESCRIBE').waitFor();
    await modal.getByRole('textbox', { name: 'Columns' }).fill('cell_id');
    await modal.getByRole('textbox', { name: 'Columns' }).press('Enter');
    await modal.getByText(/only columns cell_id:/).waitFor();
    await modal.getByRole('button', { name: 'Approve', exact: true }).click();
    await modal.waitFor({ state: 'detached' });

    const subscription = page.locator('#subscriptions .subscription', { hasText: 'Third: cell ids only' });
    await subscription.and(page.locator('[data-status=ACTIVE]')).waitFor();
    expect(await subscription.locator('.plan').innerText()).toContain('table telco-111111111111.usecase1_cell_kpis (columns cell_id)');
  });

  it('answers a bad command with the usage error, only visible to the one who typed it', async () => {
    await open('data-products');
    await type('/mesh request');
    const usage = messages().filter({ hasText: 'missing the product' }).last();
    await usage.waitFor();
    expect(await usage.locator('.ephemeral-note').innerText()).toBe('Only visible to you');
    expect(await usage.innerText()).toContain('/mesh request <product>');
  });

  it('never ran anything typed into a reason or a denial', async () => {
    expect(dialogs).toEqual([]);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('#messages script, #mesh script').count()).toBe(0);
  });
});
