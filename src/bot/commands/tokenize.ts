import { entityAt, parseSlackEscape, plainText } from './slack-escapes';

/**
 * One argument of a `/mesh` command. `text` is what it reads as (quotes removed, Slack escapes and
 * entities decoded); `raw` is the source, so `"--name"` in quotes is a word, not an option.
 */
export type Token =
  | { kind: 'word'; text: string; raw: string }
  | { kind: 'user'; userId: string; text: string; raw: string }
  | { kind: 'channel'; channelId: string; text: string; raw: string }
  | { kind: 'usergroup'; groupId: string; text: string; raw: string };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; unterminatedQuoteAt: number };

/** Which characters close a quote opened by each quote character; macOS and iOS type curly ones. */
const CLOSERS: Readonly<Record<string, readonly string[]>> = { '"': ['"'], '“': ['”', '“'], '”': ['”', '“'] };

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

/** A backslash escapes a quote character or another backslash; elsewhere (`\d` in a regex) it is kept. */
function isEscapable(char: string): boolean {
  return char === '\\' || char in CLOSERS;
}

/** A word that is exactly one user, channel or user-group escape becomes a token of that kind. */
function tokenOf(text: string, raw: string): Token {
  if (raw.startsWith('<') && raw.indexOf('>') === raw.length - 1) {
    const reference = parseSlackEscape(raw.slice(1, -1));
    if (reference.kind === 'user') return { kind: 'user', userId: reference.userId, text, raw };
    if (reference.kind === 'channel') return { kind: 'channel', channelId: reference.channelId, text, raw };
    if (reference.kind === 'usergroup') return { kind: 'usergroup', groupId: reference.groupId, text, raw };
  }
  return { kind: 'word', text, raw };
}

/**
 * Splits Slack command text into tokens: whitespace separates, `"…"` or `“…”` group (also inside a
 * word, as in a shell: `--name="Telco usecases"`), `\"` is a literal quote, `<…>` escapes are atomic.
 * Example: `publish telco --owners <@U1|pat>` → words `publish`, `telco`, `--owners` and a user token.
 */
export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    let out = '';
    let closers: readonly string[] | undefined;
    let quoteAt = -1;
    while (i < text.length) {
      const char = text.charAt(i);
      if (closers === undefined && isSpace(char)) break;
      if (closers?.includes(char) === true) {
        closers = undefined;
        i += 1;
      } else if (closers === undefined && CLOSERS[char] !== undefined) {
        closers = CLOSERS[char];
        quoteAt = i;
        i += 1;
      } else if (char === '\\' && isEscapable(text.charAt(i + 1))) {
        out += text.charAt(i + 1);
        i += 2;
      } else if (char === '<' && text.indexOf('>', i + 1) !== -1) {
        const end = text.indexOf('>', i + 1);
        out += plainText(parseSlackEscape(text.slice(i + 1, end)));
        i = end + 1;
      } else {
        const entity = char === '&' ? entityAt(text, i) : undefined;
        out += entity?.char ?? char;
        i += entity?.entity.length ?? 1;
      }
    }
    if (closers !== undefined) return { ok: false, unterminatedQuoteAt: quoteAt };
    tokens.push(tokenOf(out, text.slice(start, i)));
  }
  return { ok: true, tokens };
}
