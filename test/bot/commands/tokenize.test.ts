import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../../src/bot/commands/tokenize';

/** The tokens of a text that tokenizes, or the test fails. */
function tokensOf(text: string): Token[] {
  const result = tokenize(text);
  if (!result.ok) throw new Error(`unterminated quote at ${result.unterminatedQuoteAt} in ${text}`);
  return result.tokens;
}

const word = (text: string, raw = text): Token => ({ kind: 'word', text, raw });

describe('tokenize', () => {
  it.each<[string, Token[]]>([
    ['', []],
    ['   \t\n ', []],
    ['publish  telco\tusecase*', [word('publish'), word('telco'), word('usecase*')]],
    ['a "b c" d', [word('a'), word('b c', '"b c"'), word('d')]],
    ['“Churn model” for', [word('Churn model', '“Churn model”'), word('for')]],
    ['”odd quotes“', [word('odd quotes', '”odd quotes“')]],
    ['"say \\"hi\\""', [word('say "hi"', '"say \\"hi\\""')]],
    ['a\\"b', [word('a"b', 'a\\"b')]],
    ['"back\\\\slash"', [word('back\\slash', '"back\\\\slash"')]],
    ['/usecase\\d+/', [word('/usecase\\d+/')]],
    ['--name="Telco use cases"', [word('--name=Telco use cases', '--name="Telco use cases"')]],
    ['""', [word('', '""')]],
    ['"it\'s fine"', [word("it's fine", '"it\'s fine"')]],
    ['"a “b” c"', [word('a “b” c', '"a “b” c"')]],
    ['<@U123ABC|pat>', [{ kind: 'user', userId: 'U123ABC', text: '@pat', raw: '<@U123ABC|pat>' }]],
    ['<@U123ABC>', [{ kind: 'user', userId: 'U123ABC', text: '@U123ABC', raw: '<@U123ABC>' }]],
    ['<#C123|data-products>', [{ kind: 'channel', channelId: 'C123', text: '#data-products', raw: '<#C123|data-products>' }]],
    ['<!subteam^S123|@team>', [{ kind: 'usergroup', groupId: 'S123', text: '@team', raw: '<!subteam^S123|@team>' }]],
    ['<https://example.com|the docs> x', [word('the docs', '<https://example.com|the docs>'), word('x')]],
    ['<mailto:a@example.com|a@example.com>', [word('a@example.com', '<mailto:a@example.com|a@example.com>')]],
    ['(<@U1|pat>)', [word('(@pat)', '(<@U1|pat>)')]],
    ['"<@U1|pat>"', [word('@pat', '"<@U1|pat>"')]],
    ['a &amp; b &lt;c&gt;', [word('a'), word('&', '&amp;'), word('b'), word('<c>', '&lt;c&gt;')]],
    ['&lt;@U1&gt;', [word('<@U1>', '&lt;@U1&gt;')]],
    ['a<b', [word('a<b')]],
    ['x\u00a0y', [word('x'), word('y')]],
  ])('%j', (text, tokens) => {
    expect(tokensOf(text)).toEqual(tokens);
  });

  it.each([
    ['request "telco', 8],
    ['say “hello', 4],
    ['a "b" "c', 6],
    ['"a \\"', 0],
  ])('refuses the unterminated quote in %j, saying where it opened', (text, at) => {
    expect(tokenize(text)).toEqual({ ok: false, unterminatedQuoteAt: at });
  });
});
