import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../../src/bot/blocks/mrkdwn';
import { echoWord } from '../../../src/bot/commands/echo-word';

describe('escapeMrkdwn', () => {
  it('escapes what Slack reads as markup, and only that', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> *bold* `code`')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; *bold* `code`');
  });
});

describe('code', () => {
  it.each([
    ['SELEC', '`SELEC`'],
    ['', '`""`'],
    ['a`b', "`a'b`"],
    ['two\nlines\t here', '`two lines here`'],
    ['<!here>', '`&lt;!here&gt;`'],
    ['x'.repeat(61), `\`${'x'.repeat(59)}…\``],
    ['x'.repeat(60), `\`${'x'.repeat(60)}\``],
  ])('%j → %s', (text, expected) => {
    expect(echoWord(text)).toBe(expected);
  });
});
