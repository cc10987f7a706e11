import type { DataProduct } from '../../../src/mesh/domain/data-product';
import type { GrantEntry } from '../../../src/mesh/domain/grant-entry';
import type { Subscription } from '../../../src/mesh/domain/subscription';
import { pendingSubscription } from '../../support/subscription-fixture';

// The telco sample: producer 111111111111 (Pat, U0PRODUCER), consumer 999999999999 (Casey,
// U0CONSUMER), admin Ada (U0ADMIN), mesh account 555555555555.

export const PAT = { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' };
export const CASEY = { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' };
export const ADA = { teamId: 'T0SANDBOX', userId: 'U0ADMIN' };
export const SUB_ID = '01JDB7Q3M8ZP4X9V2N6KTE5WAC';
export const NOW = new Date('2026-11-25T10:30:00.000Z');
export const HOSTILE = '<!channel> <@U1> & <https://evil.example|click> > <#C1>';

export const TELCO: DataProduct = {
  id: 'telco-111111111111',
  name: 'Telco network KPIs',
  producerAccountId: '111111111111',
  sourceDatabase: 'telco',
  meshDatabase: 'telco-111111111111',
  tablePattern: 'usecase*',
  tables: ['usecase1_cell_kpis', 'usecase2_customer_churn'],
  domain: 'network',
  description: 'Hourly cell KPIs and monthly churn labels, curated by the network analytics team.',
  owners: [PAT],
  offeredPermissions: ['SELECT', 'DESCRIBE'],
  publicMetadata: true,
  syncEveryHours: 4,
  publishedBy: PAT,
  publishedAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  version: 1,
  history: [],
};

const entry = (table: string): GrantEntry => ({
  Id: `t-${table}`,
  Principal: { DataLakePrincipalIdentifier: '999999999999' },
  Resource: { Table: { CatalogId: '555555555555', DatabaseName: 'telco-111111111111', Name: table } },
  Permissions: ['SELECT'],
  PermissionsWithGrantOption: [],
});

const APPROVED_AT = '2026-11-24T14:05:00.000Z';
const PLAN = TELCO.tables.map(entry);

/** The request in each status it can reach. */
export function telcoSubscription(status: Subscription['status']): Subscription {
  const pending: Subscription = { ...pendingSubscription(SUB_ID), queryPrincipals: ['arn:aws:iam::999999999999:role/Analyst', 'arn:aws:iam::999999999999:role/bi/Reporting'] };
  const approve = { at: APPROVED_AT, actor: PAT, event: 'approve' as const, from: 'PENDING' as const, to: 'GRANTING' as const };
  const decided = { decidedBy: PAT, decidedAt: APPROVED_AT, grantedPermissions: ['SELECT' as const], plan: PLAN };
  const done = Object.fromEntries(PLAN.map((e) => [e.Id, { entryId: e.Id, operation: 'grant' as const, outcome: 'DONE' as const, at: APPROVED_AT }]));
  const links = TELCO.tables.map((table) => ({
    catalogId: '999999999999',
    database: 'telco-111111111111',
    table,
    targetCatalogId: '555555555555',
    targetDatabase: 'telco-111111111111',
    targetTable: table,
  }));
  const granted = { at: '2026-11-24T14:05:09.000Z', actor: { system: 'grant-worker' }, event: 'grant-succeeded' as const, from: 'GRANTING' as const, to: 'ACTIVE' as const };
  switch (status) {
    case 'PENDING':
      return pending;
    case 'GRANTING':
      return { ...pending, ...decided, status, version: 2, history: [...pending.history, approve] };
    case 'ACTIVE':
      return { ...pending, ...decided, results: done, links, ramShares: ['arn:aws:ram:eu-west-1:555555555555:resource-share/7f1c'], status, version: 3, history: [...pending.history, approve, granted] };
    case 'FAILED': {
      const failed = PLAN[1]!;
      return {
        ...pending,
        ...decided,
        status,
        version: 3,
        results: {
          [PLAN[0]!.Id]: { entryId: PLAN[0]!.Id, operation: 'grant', outcome: 'DONE', at: APPROVED_AT },
          [failed.Id]: {
            entryId: failed.Id,
            operation: 'grant',
            outcome: 'FAILED',
            errorCode: 'AccessDeniedException',
            errorMessage: 'Insufficient Lake Formation permission(s) on usecase2_customer_churn',
            at: APPROVED_AT,
          },
        },
        history: [...pending.history, approve, { at: '2026-11-24T14:05:12.000Z', actor: { system: 'grant-worker' }, event: 'grant-failed', from: 'GRANTING', to: 'FAILED', note: '1 of 2 entries failed' }],
      };
    }
    case 'DENIED':
      return {
        ...pending,
        status,
        decidedBy: PAT,
        decidedAt: APPROVED_AT,
        decisionNotes: 'Churn labels hold personal data; request usecase1 only, or the anonymised view.',
        version: 2,
        history: [...pending.history, { at: APPROVED_AT, actor: PAT, event: 'deny', from: 'PENDING', to: 'DENIED', note: 'Churn labels hold personal data' }],
      };
    case 'CANCELLED':
      return { ...pending, status, version: 2, history: [...pending.history, { at: '2026-11-23T10:00:00.000Z', actor: CASEY, event: 'cancel', from: 'PENDING', to: 'CANCELLED' }] };
    case 'EXPIRED':
      return { ...pending, status, version: 2, history: [...pending.history, { at: '2026-11-30T09:00:00.000Z', actor: { system: 'expiry-sweep' }, event: 'expire', from: 'PENDING', to: 'EXPIRED' }] };
    case 'MODIFYING': {
      const active = telcoSubscription('ACTIVE');
      const modify = { at: '2026-11-28T09:00:00.000Z', actor: PAT, event: 'modify' as const, from: 'ACTIVE' as const, to: 'MODIFYING' as const, note: 'usecase1 only' };
      return { ...active, status, plan: [PLAN[0]!], previousPlan: PLAN, decisionNotes: 'usecase1 only', version: 4, history: [...active.history, modify] };
    }
    case 'REVOKING':
    case 'REVOKED': {
      const active = telcoSubscription('ACTIVE');
      const revoke = { at: '2026-12-01T09:00:00.000Z', actor: ADA, event: 'revoke' as const, from: 'ACTIVE' as const, to: 'REVOKING' as const, note: 'Q4 campaign ended' };
      const revoked = { at: '2026-12-01T09:00:05.000Z', actor: { system: 'grant-worker' }, event: 'revoke-succeeded' as const, from: 'REVOKING' as const, to: 'REVOKED' as const };
      return { ...active, status, version: status === 'REVOKED' ? 5 : 4, history: [...active.history, revoke, ...(status === 'REVOKED' ? [revoked] : [])] };
    }
  }
}
