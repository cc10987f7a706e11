import type { Subscription } from '../../src/mesh/domain/subscription';

const AT = '2026-11-23T09:00:00.000Z';

/** A pending SELECT request of consumer 999999999999 for two tables of the producer's telco product. */
export function pendingSubscription(id: string, overrides: Partial<Subscription> = {}): Subscription {
  const requester = { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' };
  return {
    id,
    productId: 'telco-111111111111',
    producerAccountId: '111111111111',
    meshCatalogId: '555555555555',
    meshDatabase: 'telco-111111111111',
    tables: ['usecase1_cell_kpis', 'usecase2_customer_churn'],
    consumerAccountId: '999999999999',
    requester,
    requestedPermissions: ['SELECT'],
    grantedPermissions: [],
    grantablePermissions: [],
    justification: 'Churn model for Q4 retention campaign',
    plan: [],
    results: {},
    ramShares: [],
    links: [],
    status: 'PENDING',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    history: [{ at: AT, actor: requester, event: 'request', to: 'PENDING' }],
    ...overrides,
  };
}
