import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, HELP_TOPICS } from '../../../src/bot/commands/command-specs';
import { allUsageLines, helpText, specsOf, usageLine } from '../../../src/bot/commands/help-text';

/** mrkdwn-safe: no raw `<` or `>`, and `&` only in the three entities Slack knows. */
function isMrkdwnSafe(text: string): boolean {
  return !/[<>]/.test(text) && !/&(?!amp;|lt;|gt;)/.test(text);
}

describe('usageLine', () => {
  it('is the command and its arguments in code, with mrkdwn escaped', () => {
    const revoke = COMMAND_SPECS.find((spec) => spec.name === 'revoke')!;
    expect(usageLine(revoke)).toBe('`/mesh revoke &lt;id&gt; &lt;reason…&gt;`');
    const whoami = COMMAND_SPECS.find((spec) => spec.name === 'whoami')!;
    expect(usageLine(whoami)).toBe('`/mesh whoami`');
  });

  it('lists every command once for an unknown command', () => {
    expect(allUsageLines().split('\n')).toEqual(COMMAND_SPECS.map(usageLine));
  });
});

describe('helpText', () => {
  it('lists every command with its summary, admin commands last under their own heading', () => {
    const lines = helpText().split('\n');
    const adminHeading = lines.indexOf('*Mesh admins*');
    expect(adminHeading).toBeGreaterThan(0);
    for (const spec of COMMAND_SPECS) {
      const at = lines.indexOf(`${usageLine(spec)} — ${spec.summary}`);
      expect(at, spec.name).toBeGreaterThan(0);
      expect(at > adminHeading, spec.name).toBe(spec.admin);
    }
    expect(lines.at(-1)).toBe('`/mesh help &lt;command&gt;` shows the details of one.');
  });

  it.each(HELP_TOPICS)('details %s with its usage lines and examples', (topic) => {
    const text = helpText(topic);
    const specs = specsOf(topic);
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) {
      expect(text).toContain(usageLine(spec));
      for (const example of spec.examples) expect(text).toContain(`\`/mesh ${example}\``);
    }
  });

  it('covers every admin command under `admin`', () => {
    expect(specsOf('admin').map((spec) => spec.name)).toEqual(['admin map', 'admin unmap', 'admin enable', 'admin accounts']);
  });

  it.each([undefined, ...HELP_TOPICS])('is mrkdwn-safe and fits a Slack section (%s)', (topic) => {
    const text = helpText(topic);
    expect(isMrkdwnSafe(text)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(3000);
  });

  it('explains the request rule', () => {
    expect(helpText('request')).toMatchInlineSnapshot(`
      "\`/mesh request &lt;product&gt; [tables] [permissions] [--query-roles &lt;role,…&gt;] [reason…]\`
      Ask for access to a data product for your consumer account.
      • \`[tables]\`: one table, a comma list such as \`usecase1_cell_kpis,usecase2_customer_churn\`, or \`all\` / \`*\`; every table if left out.
      • \`[permissions]\`: one word, a comma list such as \`select,describe\` in any case (ALL, SELECT, INSERT, DELETE, ALTER, DROP, DESCRIBE).
      • The word after the product is the permissions when it names a permission (a lone \`all\` means all tables); otherwise it is the tables, and the next word must be the permissions.
      • The reason is the rest of the line, after the permissions. Without a reason a form opens, filled in with what you typed.
      • \`--query-roles\`: which of your account’s query roles will query (comma-separated); all of them if left out. The access is granted to these roles.
      Examples:
      \`/mesh request telco-111111111111\`
      \`/mesh request telco-111111111111 usecase1_cell_kpis select\`
      \`/mesh request telco-111111111111 select Churn model for Q4\`
      \`/mesh request telco-111111111111 usecase1_cell_kpis,usecase2_customer_churn select,describe Churn model for Q4\`
      \`/mesh request telco-111111111111 usecase1_cell_kpis select --query-roles Analyst Churn model for Q4\`"
    `);
  });
});
