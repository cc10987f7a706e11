import { describe, expect, it } from 'vitest';
import { decodeEntities, parseSlackEscape, plainText, type SlackReference } from '../../../src/bot/commands/slack-escapes';

describe('parseSlackEscape', () => {
  it.each<[string, SlackReference, string]>([
    ['@U123ABC|pat', { kind: 'user', userId: 'U123ABC', label: 'pat' }, '@pat'],
    ['@U123ABC', { kind: 'user', userId: 'U123ABC' }, '@U123ABC'],
    ['@W0ENTERPRISE|ann', { kind: 'user', userId: 'W0ENTERPRISE', label: 'ann' }, '@ann'],
    ['#C123|data-products', { kind: 'channel', channelId: 'C123', name: 'data-products' }, '#data-products'],
    ['#C123', { kind: 'channel', channelId: 'C123' }, '#C123'],
    ['!subteam^S123|@team', { kind: 'usergroup', groupId: 'S123', handle: '@team' }, '@team'],
    ['!subteam^S123', { kind: 'usergroup', groupId: 'S123' }, '@S123'],
    ['https://example.com/a?b=1&amp;c=2|the docs', { kind: 'text', text: 'the docs' }, 'the docs'],
    ['https://example.com/a?b=1&amp;c=2', { kind: 'text', text: 'https://example.com/a?b=1&c=2' }, 'https://example.com/a?b=1&c=2'],
    ['mailto:ann@example.com|ann@example.com', { kind: 'text', text: 'ann@example.com' }, 'ann@example.com'],
    ['mailto:ann@example.com', { kind: 'text', text: 'ann@example.com' }, 'ann@example.com'],
    ['!here', { kind: 'text', text: '@here' }, '@here'],
    ['!date^1392734382^{date_short}|Feb 18, 2014', { kind: 'text', text: 'Feb 18, 2014' }, 'Feb 18, 2014'],
    ['@notanid|a &amp; b', { kind: 'text', text: 'a & b' }, 'a & b'],
  ])('reads <%s>', (inside, reference, text) => {
    expect(parseSlackEscape(inside)).toEqual(reference);
    expect(plainText(reference)).toBe(text);
  });
});

describe('decodeEntities', () => {
  it('decodes the three entities Slack encodes, once', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &amp;lt; &quot;')).toBe('a & b <c> &lt; &quot;');
  });
});
