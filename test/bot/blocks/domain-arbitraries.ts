import fc from 'fast-check';
import { DataProductSchema, type DataProduct } from '../../../src/mesh/domain/data-product';
import type { EntryResult, GrantEntry } from '../../../src/mesh/domain/grant-entry';
import { PERMISSIONS } from '../../../src/mesh/domain/permission';
import { SubscriptionSchema, type HistoryEntry, type Subscription } from '../../../src/mesh/domain/subscription';
import { SUBSCRIPTION_EVENTS, SUBSCRIPTION_STATUSES } from '../../../src/mesh/domain/subscription-status';
import type { MeshAccount } from '../../../src/mesh/domain/mesh-account';

// Arbitrary domain objects that the domain schemas accept (checked below), with text fields that lean
// hostile: mrkdwn control characters, broadcast tokens, links, entities and astral characters.

const HOSTILE_PIECES = ['<!channel>', '<!here>', '<@U1>', '<#C1|x>', '<https://evil.example|x>', '&amp;', '&', '<', '>', '`', '```', '*', '_', '~', '\n', '> ', '😀', ' '];

/** Text of up to `max` characters, often hostile. */
export function hostileText(max: number, min = 0): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
  return fc
    .oneof(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), fc.string({ maxLength: max }), piece.map((p) => p.repeat(Math.ceil(max / Math.max(p.length, 1)))))
    .map((t) => t.slice(0, max))
    .filter((t) => t.length >= min && (min === 0 || t.trim().length > 0) && !/[\uD800-\uDBFF]$/.test(t));
}

export const slackUserArb = fc.record({
  teamId: fc.stringMatching(/^T[A-Z0-9]{1,10}$/),
  userId: fc.stringMatching(/^[UW][A-Z0-9]{1,10}$/),
});
export const accountIdArb = fc.stringMatching(/^\d{12}$/);
export const glueNameArb = fc.oneof(fc.stringMatching(/^[a-z0-9_-]{1,40}$/), fc.stringMatching(/^[a-z0-9_-]{140,255}$/));
export const permissionsArb = fc.uniqueArray(fc.constantFrom(...PERMISSIONS), { minLength: 1, maxLength: PERMISSIONS.length });
export const isoArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const ulidArb = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const columnsArb = fc.option(
  fc.record({ kind: fc.constantFrom('include' as const, 'exclude' as const), names: fc.array(hostileText(60, 1), { minLength: 1, maxLength: 30 }) }),
  { nil: undefined },
);
const actorArb = fc.oneof(slackUserArb, fc.record({ system: hostileText(40) }));

export const dataProductArb: fc.Arbitrary<DataProduct> = fc
  .record({
    id: hostileText(255, 1),
    name: hostileText(200, 1),
    producerAccountId: accountIdArb,
    sourceDatabase: glueNameArb,
    meshDatabase: glueNameArb,
    tables: fc.oneof(fc.uniqueArray(glueNameArb, { maxLength: 12 }), fc.uniqueArray(glueNameArb, { maxLength: 150 })),
    domain: fc.option(hostileText(100), { nil: undefined }),
    description: fc.option(hostileText(4096), { nil: undefined }),
    owners: fc.array(slackUserArb, { minLength: 1, maxLength: 25 }),
    offeredPermissions: permissionsArb,
    publicMetadata: fc.boolean(),
    syncEveryHours: fc.integer({ min: 0, max: 168 }),
    publishedBy: slackUserArb,
    publishedAt: isoArb,
    updatedAt: isoArb,
    version: fc.integer({ min: 1, max: 1000 }),
  })
  .map((p) => DataProductSchema.parse(p));

const entryArb = (index: number): fc.Arbitrary<GrantEntry> =>
  fc.record({
    Id: fc.constant(`e${index}`),
    Principal: fc.record({ DataLakePrincipalIdentifier: accountIdArb }),
    Resource: fc.oneof(
      fc.record({ Table: fc.record({ CatalogId: accountIdArb, DatabaseName: glueNameArb, Name: hostileText(255, 1) }) }),
      fc.record({ Database: fc.record({ CatalogId: accountIdArb, Name: glueNameArb }) }),
      fc.record({ TableWithColumns: fc.record({ CatalogId: accountIdArb, DatabaseName: glueNameArb, Name: glueNameArb, ColumnNames: fc.array(glueNameArb, { maxLength: 5 }) }) }),
    ),
    Permissions: permissionsArb,
    PermissionsWithGrantOption: fc.constant([]),
  });

const resultArb = (entryId: string): fc.Arbitrary<EntryResult> =>
  fc.record({
    entryId: fc.constant(entryId),
    operation: fc.constantFrom('grant' as const, 'revoke' as const),
    outcome: fc.constantFrom('DONE' as const, 'FAILED' as const),
    errorCode: fc.option(hostileText(80), { nil: undefined }),
    errorMessage: fc.option(hostileText(2000), { nil: undefined }),
    at: isoArb,
  });

const changedArb = <T>(item: fc.Arbitrary<T>) => fc.option(fc.record({ added: fc.array(item, { maxLength: 120 }), removed: fc.array(item, { maxLength: 120 }) }), { nil: undefined });
const filterArb = fc.record({ kind: fc.constantFrom('include' as const, 'exclude' as const), names: fc.array(hostileText(60, 1), { minLength: 1, maxLength: 30 }) });
const deltaArb = fc.option(
  fc.record({
    permissions: changedArb(fc.constantFrom(...PERMISSIONS)),
    tables: changedArb(hostileText(255, 1)),
    columns: fc.option(
      fc.record({ before: fc.option(filterArb, { nil: undefined }), after: fc.option(filterArb, { nil: undefined }), added: fc.array(hostileText(60, 1), { maxLength: 30 }), removed: fc.array(hostileText(60, 1), { maxLength: 30 }) }),
      { nil: undefined },
    ),
    grantOption: changedArb(fc.constantFrom(...PERMISSIONS)),
  }),
  { nil: undefined },
);

const historyArb: fc.Arbitrary<HistoryEntry[]> = fc.array(
  fc.record({
    at: isoArb,
    actor: actorArb,
    event: fc.constantFrom(...SUBSCRIPTION_EVENTS, 'request' as const),
    from: fc.option(fc.constantFrom(...SUBSCRIPTION_STATUSES), { nil: undefined }),
    to: fc.constantFrom(...SUBSCRIPTION_STATUSES),
    note: fc.option(hostileText(4096), { nil: undefined }),
    delta: deltaArb,
  }),
  { minLength: 1, maxLength: 40 },
);

export const subscriptionArb: fc.Arbitrary<Subscription> = fc
  .record({
    id: ulidArb,
    productId: hostileText(255, 1),
    producerAccountId: accountIdArb,
    meshCatalogId: accountIdArb,
    meshDatabase: glueNameArb,
    tables: fc.array(hostileText(255, 1), { minLength: 1, maxLength: 120 }),
    consumerAccountId: accountIdArb,
    requester: slackUserArb,
    requestedPermissions: permissionsArb,
    grantedPermissions: fc.uniqueArray(fc.constantFrom(...PERMISSIONS)),
    grantablePermissions: fc.uniqueArray(fc.constantFrom(...PERMISSIONS)),
    columns: columnsArb,
    justification: hostileText(4096, 1),
    decisionNotes: fc.option(hostileText(4096), { nil: undefined }),
    decidedBy: fc.option(slackUserArb, { nil: undefined }),
    decidedAt: fc.option(isoArb, { nil: undefined }),
    planSize: fc.integer({ min: 0, max: 60 }),
    ramShares: fc.array(hostileText(200), { maxLength: 10 }),
    links: fc.array(fc.record({ catalogId: accountIdArb, database: hostileText(255, 1), table: fc.option(hostileText(255, 1), { nil: undefined }), targetCatalogId: accountIdArb, targetDatabase: glueNameArb }), { maxLength: 40 }),
    status: fc.constantFrom(...SUBSCRIPTION_STATUSES),
    version: fc.integer({ min: 1, max: 1000 }),
    createdAt: isoArb,
    updatedAt: isoArb,
    history: historyArb,
  })
  .chain(({ planSize, ...rest }) =>
    fc.tuple(...Array.from({ length: planSize }, (_, i) => entryArb(i))).chain((plan) =>
      fc.tuple(...plan.map((e) => resultArb(e.Id))).map((results) => ({ ...rest, plan, results: Object.fromEntries(results.map((r) => [r.entryId, r])) })),
    ),
  )
  .map((s) => SubscriptionSchema.parse(s));

export const meshAccountArb: fc.Arbitrary<MeshAccount> = fc.record({
  accountId: accountIdArb,
  producer: fc.boolean(),
  consumer: fc.boolean(),
  crossAccountVersion: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  enabledBy: slackUserArb,
  enabledAt: isoArb,
  updatedAt: isoArb,
  version: fc.integer({ min: 1, max: 1000 }),
});

export const nowArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true });
