import { describe, expect, it } from 'vitest';
import {
  ageText,
  code,
  dateText,
  escapeMrkdwn,
  joinCapped,
  md,
  withMentions,
  mention,
  quoteChunks,
  truncate,
  truncateMrkdwn,
} from '../../../src/bot/blocks/mrkdwn';
import { mrkdwnViolations } from './slack-limits-check';
import { HOSTILE, NOW } from './telco-fixtures';

describe('escapeMrkdwn', () => {
  it('turns &, < and > into entities so no mention, link or broadcast survives', () => {
    expect(escapeMrkdwn(HOSTILE)).toBe('&lt;!channel&gt; &lt;@U1&gt; &amp; &lt;https://evil.example|click&gt; &gt; &lt;#C1&gt;');
    expect(mrkdwnViolations(escapeMrkdwn(HOSTILE), 'x')).toEqual([]);
  });
});

describe('md', () => {
  it('escapes interpolated strings and keeps Mrkdwn values', () => {
    expect(md`${mention({ teamId: 'T1', userId: 'U0PRODUCER' })} asks for ${'<@U1>'} (${3})`.mrkdwn).toBe('<@U0PRODUCER> asks for &lt;@U1&gt; (3)');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text to max with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 4)).toHaveLength(4);
  });
  it('never splits a surrogate pair', () => {
    const cut = truncate('ab😀😀😀', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('ab…');
  });
});

describe('truncateMrkdwn', () => {
  it('does not cut inside an entity or a mention', () => {
    const cut = truncateMrkdwn(`${'a'.repeat(10)}&amp;${'b'.repeat(20)}`, 16);
    expect(cut).toBe(`${'a'.repeat(10)}…`);
    expect(truncateMrkdwn(`${'a'.repeat(8)}<@U0PRODUCER> tail`, 16)).toBe(`${'a'.repeat(8)}…`);
  });
  it('closes a code span or block it cut open', () => {
    expect(truncateMrkdwn('```' + 'x'.repeat(100) + '```', 20)).toMatch(/…```$/);
    expect(truncateMrkdwn('see `' + 'x'.repeat(100) + '`', 20)).toMatch(/…`$/);
  });
});

describe('joinCapped', () => {
  it('stops at maxItems or max length and says how many more', () => {
    expect(joinCapped(['a', 'b', 'c', 'd'], ', ', 100, 2)).toBe('a, b, +2 more');
    expect(joinCapped(['aaaa', 'bbbb', 'cccc'], ', ', 16)).toBe('aaaa, +2 more');
    expect(joinCapped(['a', 'b'], ', ', 100)).toBe('a, b');
  });
});

describe('quoteChunks', () => {
  it('quotes every line and splits long text into chunks within the limit', () => {
    expect(quoteChunks('one\ntwo', 100, 2)).toEqual(['>one\n>two']);
    const chunks = quoteChunks('word '.repeat(900), 2900, 2);
    expect(chunks).toHaveLength(2);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(2900);
      expect(c.startsWith('>')).toBe(true);
    }
  });
  it('keeps hostile text escaped across the split', () => {
    for (const c of quoteChunks('<!channel>'.repeat(1000), 2900, 3)) expect(mrkdwnViolations(c, 'quote')).toEqual([]);
  });
});

describe('dates and ages', () => {
  it('renders dates as Slack date tokens with a UTC fallback', () => {
    expect(dateText('2026-11-23T09:00:00.000Z')).toBe('<!date^1795424400^{date_short_pretty} at {time}|2026-11-23 09:00 UTC>');
  });
  it('says how long ago in the largest whole unit', () => {
    expect(ageText('2026-11-25T10:29:50.000Z', NOW)).toBe('just now');
    expect(ageText('2026-11-25T10:00:00.000Z', NOW)).toBe('30 minutes');
    expect(ageText('2026-11-25T09:30:00.000Z', NOW)).toBe('1 hour');
    expect(ageText('2026-11-23T09:00:00.000Z', NOW)).toBe('2 days');
  });
  it('puts user text in code without letting a backtick end the span', () => {
    expect(code('a`b<c')).toBe('`aˋb&lt;c`');
  });
});

describe('withMentions', () => {
  it('keeps user mentions live and escapes everything else', () => {
    expect(withMentions('ask an owner (<@U0PRODUCER>) & not <!channel> or <#C1>').mrkdwn).toBe('ask an owner (<@U0PRODUCER>) &amp; not &lt;!channel&gt; or &lt;#C1&gt;');
  });
  it('keeps our own date tokens live, but not one that carries a link', () => {
    const date = dateText('2026-11-23T09:00:00.000Z');
    expect(withMentions(`decided ${date}`).mrkdwn).toBe(`decided ${date}`);
    expect(withMentions('<!date^1795424400^{date}^https://evil.example|x>').mrkdwn).toBe('&lt;!date^1795424400^{date}^https://evil.example|x&gt;');
  });
});
