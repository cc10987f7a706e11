import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleMoves, launchChromium, startConsoleSandbox, type ChromiumSession, type SandboxWithConsole } from './console-harness';

// The workshop's decisions that change what the requester gets — approve with changes, modify,
// revoke — played by clicks and keys in the console against the bot's real listeners and jobs, and
// read where the requester reads them: Casey's DMs with Meshbot, as the console shows them. Steps
// build on each other and run in order.

const STEP_TIMEOUT_MS = 15_000;
const REASON = 'Cell dashboards for the NOC';
const NOTES = 'Hour and region are not needed for a cell dashboard';
const MODIFY_REASON = 'The table definitions are needed after all';
const REVOKE_REASON = 'The NOC moved to the aggregated KPI product';

let sandbox: SandboxWithConsole;
let browser: ChromiumSession | undefined;
let page: Page;
let subscriptionId = '';

const { messages, playAs, open, type } = consoleMoves(() => page);
/** Casey's DMs about the subscription, newest last, as the console shows them. */
const caseysDms = async (): Promise<string[]> => {
  await playAs('Casey');
  await open('dm');
  return messages().filter({ hasText: subscriptionId }).allInnerTexts();
};


beforeAll(async () => {
  sandbox = await startConsoleSandbox();
  browser = await launchChromium();
  ({ page } = browser);
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.goto(sandbox.url);
  await page.locator('.persona').first().waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await sandbox.close();
});

describe('deltas in the workshop, by clicks in the console', () => {
  it('Pat publishes the product; Casey asks for SELECT and DESCRIBE on three columns of usecase1_cell_kpis', async () => {
    await playAs('Pat');
    await open('data-products');
    await type('/mesh publish telco usecase*');
    await messages().filter({ has: page.getByRole('button', { name: /^Request access/ }) }).last().waitFor();

    await playAs('Casey');
    await open('data-products');
    await messages().getByRole('button', { name: /^Request access/ }).last().click();
    const request = page.getByRole('dialog', { name: 'Request access' });
    await request.getByRole('checkbox', { name: 'usecase1_cell_kpis' }).check();
    await request.getByRole('checkbox', { name: 'DESCRIBE' }).check();
    await request.getByRole('textbox', { name: 'Columns' }).fill('cell_id, hour, region');
    await request.getByRole('textbox', { name: 'Why do you need it?' }).fill(REASON);
    await request.getByRole('button', { name: 'Send request' }).click();
    await request.waitFor({ state: 'detached' });

    // The id, as Casey reads it under her "request sent" message.
    await open('dm');
    const sent = messages().filter({ hasText: 'Request sent' }).last();
    await sent.waitFor();
    subscriptionId = /\b([0-9A-HJKMNP-TV-Z]{26})\b/.exec(await sent.innerText())?.[1] ?? '';
    expect(subscriptionId).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('Pat approves with changes (no DESCRIBE, one column); Casey’s DM names what was not granted, the columns narrowed and Pat’s notes', async () => {
    await playAs('Pat');
    await open('dm');
    await messages().filter({ hasText: REASON }).getByRole('button', { name: 'Approve with changes' }).click();
    const modal = page.getByRole('dialog', { name: 'Approve with changes' });
    // Notes typed first must survive the updates each later change brings (Slack keeps input entries across views.update).
    const notes = modal.getByRole('textbox', { name: 'Notes for the requester' });
    await notes.fill(NOTES);
    // Each change redraws the modal with its preview: wait for it before the next, as a person reads it.
    await modal.getByRole('group', { name: 'Grant these permissions' }).getByRole('checkbox', { name: 'DESCRIBE' }).uncheck();
    await modal.getByText('Not granted, though requested: DESCRIBE').waitFor();
    await modal.getByRole('textbox', { name: 'Columns' }).fill('cell_id');
    await modal.getByRole('textbox', { name: 'Columns' }).press('Enter');
    await modal.getByText(/only columns cell_id:/).waitFor();
    expect(await notes.inputValue()).toBe(NOTES);
    await modal.getByRole('button', { name: 'Approve', exact: true }).click();
    await modal.waitFor({ state: 'detached' });

    await playAs('Casey');
    await open('dm');
    const granted = messages().filter({ hasText: 'Access granted' }).filter({ hasText: subscriptionId });
    await granted.waitFor();
    const text = await granted.innerText();
    expect(text).toContain('approved by @Pat');
    expect(text).toContain('Not as you asked:');
    expect(text).toContain('Not granted, though requested: DESCRIBE');
    expect(text).toContain('Columns: requested only cell_id, hour, region, granted only cell_id');
    expect(text).toContain(NOTES);
  });

  // The console has no [Modify] button yet: Pat types the command, as the workshop's handout says.
  it('Pat gives DESCRIBE back with [Modify], seeing the change first; Casey is told who changed what and why, and gets no second "Access granted"', async () => {
    await playAs('Pat');
    await open('dm');
    await messages().filter({ hasText: REASON }).getByRole('button', { name: 'Modify', exact: true }).click();
    const modal = page.getByRole('dialog', { name: 'Modify access' });
    await modal.getByRole('group', { name: 'Permissions' }).getByRole('checkbox', { name: 'DESCRIBE' }).check();
    // The preview is the mesh's plan for the change: DESCRIBE added on the table, nothing else.
    await modal.getByText(/➕ table usecase1_cell_kpis: DESCRIBE/).waitFor();
    await modal.getByRole('textbox', { name: 'Why?' }).fill(MODIFY_REASON);
    await modal.getByRole('button', { name: 'Modify', exact: true }).click();
    await modal.waitFor({ state: 'detached' });

    await playAs('Casey');
    await open('dm');
    const changed = messages().filter({ hasText: 'was changed by' }).filter({ hasText: subscriptionId });
    await changed.waitFor();
    const text = await changed.innerText();
    expect(text).toContain('Your access to');
    expect(text).toContain('was changed by @Pat');
    expect(text).toContain('+ DESCRIBE');
    expect(text).toContain('+ grant option on DESCRIBE');
    expect(text).toMatch(/Now: Granted: SELECT, DESCRIBE/);
    expect(text).toContain(MODIFY_REASON);
    expect((await caseysDms()).filter((dm) => dm.includes('Access granted'))).toHaveLength(1);
  });

  it('Sam revokes with a reason; Casey’s DM says what was removed, by whom and why', async () => {
    await playAs('Sam');
    await open('dm');
    await messages().filter({ hasText: REASON }).getByRole('button', { name: 'Revoke', exact: true }).click();
    const modal = page.getByRole('dialog', { name: 'Revoke access' });
    await modal.getByRole('textbox', { name: 'Why are you revoking it?' }).fill(REVOKE_REASON);
    await modal.getByRole('button', { name: 'Revoke', exact: true }).click();
    await modal.waitFor({ state: 'detached' });

    await playAs('Casey');
    await open('dm');
    const revoked = messages().filter({ hasText: 'was revoked' }).filter({ hasText: subscriptionId });
    await revoked.waitFor();
    const text = await revoked.innerText();
    expect(text).toContain('was revoked by @Sam');
    expect(text).toContain('Removed: SELECT, DESCRIBE on 1 table: usecase1_cell_kpis');
    expect(text).toContain(REVOKE_REASON);
  });

  it('Casey types /mesh subscription and reads every change in its history', async () => {
    await type(`/mesh subscription ${subscriptionId}`);
    const detail = messages().filter({ hasText: 'History' }).filter({ hasText: subscriptionId }).last();
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain('Approved by @Pat (Pending → Granting): not as requested, − DESCRIBE; columns only cell_id, hour, region → only cell_id');
    expect(text).toContain('Modified by @Pat (Active → Modifying): + DESCRIBE; + grant option on DESCRIBE');
    expect(text).toContain('Revoke requested by @Sam (Active → Revoking): − SELECT, DESCRIBE; − table usecase1_cell_kpis');
  });
});
