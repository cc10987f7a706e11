import fc from 'fast-check';
import { freeText } from '../../../src/mesh/domain/free-text';
import { describe, expect, it } from 'vitest';
import { HELP_TOPICS } from '../../../src/bot/commands/command-specs';
import { MeshCommandSchema, type MeshCommand } from '../../../src/bot/commands/mesh-command';
import { MODIFY_REASON_MAX, parseMeshCommand } from '../../../src/bot/commands/parse-mesh-command';
import { isPermissionName, splitList } from '../../../src/bot/commands/parse-arguments';
import { PERMISSIONS } from '../../../src/mesh/domain/permission';
import { SUBSCRIPTION_STATUSES } from '../../../src/mesh/domain/subscription-status';
import { formatMeshCommand, type TypingStyle } from './format-mesh-command';

/** What every answer must be: a valid command in normal form, or a short, mrkdwn-safe usage error. */
function expectWellFormed(text: string): void {
  const result = parseMeshCommand(text);
  if (result.kind === 'usage-error') {
    expect(result.message.length).toBeGreaterThan(0);
    expect(result.message.length).toBeLessThanOrEqual(3000);
    expect(result.usage.length).toBeGreaterThan(0);
    // Whatever was typed, an echo never becomes Slack markup such as `<!channel>`.
    expect(result.message).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    expect(result.usage).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
  } else {
    expect(MeshCommandSchema.parse(result)).toEqual(result);
  }
}

/** Any text: ASCII, any Unicode, and the characters the tokenizer treats specially. */
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('"', '“', '”', '\\', '<', '>', '&', '|', '@', '#', '!', ' ', ',', '*', '/', '-', 'a', 'U', '1'), maxLength: 60 }),
);

/** Words of the grammar, right and wrong, to build texts that reach deep into each command. */
const VOCABULARY = [
  ...HELP_TOPICS,
  'admin', 'map', 'unmap', 'enable', 'accounts', 'mine', 'status', 'product', 'all', '*', 'usecase*', 'usecase1,usecase2', '/re+/', '/[/',
  'select', 'SELECT,describe', 'selec', 'ALL', 'all,select', 'producer', 'consumer', 'prod', 'active', 'ACTIV',
  '--name', '--domain', '--description', '--owners', '--mesh-db', '--no-public', '--name=x', '--nmae', '--owners=x', '--',
  'telco', 'Telco', 'telco-111111111111', '111111111111', '1111-1111-1111', '12345', '01HZY3J5Q8W6V2K7N4R9T0BCDE', '01hzy3j5q8w6v2k7n4r9t0bcde',
  '<@U0ALICE|alice>', '<@U0BOB>', '<@W0ENT|ann>', '<#C1|data>', '<!subteam^S1|@team>', '<https://x.example|docs>', '<!channel>', '<@>',
  '"', '“', '”', '\\"', '"quoted words"', '“curly words”', '""', '&amp;', '&lt;', '&gt;', '<', '>', '@bob', ',', '\\', 'x'.repeat(300),
];

const vocabularyText = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 12 })), fc.constantFrom(' ', ' ', '  ', '\t', '\n', '')), {
    maxLength: 12,
  })
  .map((parts) => parts.flat().join(''));

describe('parseMeshCommand on any input', () => {
  it('never throws: any text gives a valid command or a short usage error', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWellFormed(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on texts built from the grammar’s words', () => {
    fc.assert(
      fc.property(vocabularyText, (text) => {
        expectWellFormed(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('is deterministic and ignores surrounding whitespace', () => {
    fc.assert(
      fc.property(vocabularyText, (text) => {
        expect(parseMeshCommand(` \n${text}\t `)).toEqual(parseMeshCommand(text));
      }),
    );
  });
});

// Generated commands, each already in the parser's normal form (trimmed free text without control
// characters, lower-case names, canonical permissions).
const trimmed = (maxLength: number) =>
  fc
    .oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }))
    .map((text) => freeText().parse(text))
    .filter((text) => text.length > 0);
/** Text the modify parser reads as permissions (so it cannot be a reason on its own). */
const isPermissionList = (text: string): boolean => splitList(text).length > 0 && splitList(text).every(isPermissionName);
const glueName = fc.stringMatching(/^[a-z0-9_-]{1,20}$/);
const tableName = glueName.filter((name) => name !== 'all' && !(PERMISSIONS as readonly string[]).includes(name.toUpperCase()));
const productId = fc.oneof(fc.constant('telco-111111111111'), fc.string({ minLength: 1, maxLength: 40 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }));
const subscriptionId = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const accountId = fc.stringMatching(/^\d{12}$/);
const userId = fc.stringMatching(/^[UW][A-Z0-9]{2,10}$/);
const permissions = fc.subarray([...PERMISSIONS], { minLength: 1 });
const persona = fc.constantFrom('producer' as const, 'consumer' as const);
const tablePattern = fc.oneof(
  glueName,
  fc.stringMatching(/^[a-z0-9_-]{0,8}\*[a-z0-9_*-]{0,8}$/),
  fc.constantFrom('/^usecase[0-9]+$/', '/a|b/', '/\\d{2}/', '/"quoted" \\\\ “curly”/', '/&<>/'),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Drops absent fields, as the parser leaves them out rather than setting them to undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const requestCommand = fc
  .record({
    product: productId,
    tables: optional(fc.oneof(fc.constant('all' as const), fc.uniqueArray(tableName, { minLength: 1, maxLength: 4 }))),
    permissions: optional(permissions),
    reason: optional(trimmed(300)),
  })
  // The grammar gives a reason only after permissions, and a lone `all` right after the product means
  // all tables: the ALL permission alone is written after tables (`* all`), which names the tables.
  .filter(({ permissions: chosen, reason }) => reason === undefined || chosen !== undefined)
  .filter(({ tables, permissions: chosen }) => tables !== undefined || chosen?.join() !== 'ALL')
  .map((fields): MeshCommand => compact({ kind: 'request', ...fields, needsModal: fields.reason === undefined }));

const meshCommand: fc.Arbitrary<MeshCommand> = fc.oneof(
  optional(fc.constantFrom(...HELP_TOPICS)).map((topic): MeshCommand => compact({ kind: 'help', topic })),
  fc
    .record({
      database: glueName,
      tablePattern: optional(tablePattern),
      name: optional(trimmed(200)),
      domain: optional(trimmed(100)),
      description: optional(trimmed(500)),
      owners: optional(fc.uniqueArray(userId, { minLength: 1, maxLength: 3 })),
      meshDatabase: optional(glueName),
      publicMetadata: fc.boolean(),
    })
    .map((fields): MeshCommand => compact({ kind: 'publish', ...fields })),
  optional(trimmed(100)).map((query): MeshCommand => compact({ kind: 'products', query })),
  productId.map((product): MeshCommand => ({ kind: 'product', product })),
  requestCommand,
  fc.constantFrom<MeshCommand>({ kind: 'pending' }, { kind: 'whoami' }, { kind: 'admin-accounts' }),
  fc
    .oneof(
      fc.constantFrom({ by: 'all' as const }, { by: 'mine' as const }),
      productId.map((product) => ({ by: 'product' as const, product })),
      fc.constantFrom(...SUBSCRIPTION_STATUSES).map((status) => ({ by: 'status' as const, status })),
    )
    .map((filter): MeshCommand => ({ kind: 'subscriptions', filter })),
  fc
    .tuple(fc.constantFrom('subscription' as const, 'cancel' as const, 'retry' as const), subscriptionId)
    .map(([kind, id]): MeshCommand => ({ kind, subscriptionId: id })),
  fc
    .tuple(subscriptionId, permissions, trimmed(300).filter((reason) => reason.length <= MODIFY_REASON_MAX && !isPermissionList(reason)))
    .map(([id, chosen, reason]): MeshCommand => ({ kind: 'modify', subscriptionId: id, permissions: chosen, reason })),
  fc.tuple(subscriptionId, trimmed(300)).map(([id, reason]): MeshCommand => ({ kind: 'revoke', subscriptionId: id, reason })),
  fc.tuple(userId, accountId, persona).map(([user, account, role]): MeshCommand => ({ kind: 'admin-map', userId: user, accountId: account, persona: role })),
  fc.tuple(userId, accountId).map(([user, account]): MeshCommand => ({ kind: 'admin-unmap', userId: user, accountId: account })),
  fc.tuple(accountId, persona).map(([account, role]): MeshCommand => ({ kind: 'admin-enable', accountId: account, persona: role })),
);

const typingStyle: fc.Arbitrary<TypingStyle> = fc.record({
  shout: fc.boolean(),
  mentionLabels: fc.boolean(),
  curlyQuotes: fc.boolean(),
  separator: fc.constantFrom(' ' as const, ',' as const, ', ' as const),
});

describe('parseMeshCommand round trip', () => {
  it('generated commands are valid commands in normal form', () => {
    fc.assert(
      fc.property(meshCommand, (command) => {
        expect(MeshCommandSchema.parse(command)).toEqual(command);
      }),
    );
  });

  it('parses a command typed back as text to the same command', () => {
    fc.assert(
      fc.property(meshCommand, typingStyle, (command, style) => {
        expect(parseMeshCommand(formatMeshCommand(command, style))).toEqual(command);
      }),
      { numRuns: 2000 },
    );
  });
});
