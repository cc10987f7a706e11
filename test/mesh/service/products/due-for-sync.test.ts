import { describe, expect, it } from 'vitest';
import type { DataProduct } from '../../../../src/mesh/domain/data-product';
import { dueForSync } from '../../../../src/mesh/service/products/due-for-sync';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function product(id: string, syncEveryHours: number, hoursAgo: number): DataProduct {
  const at = new Date(NOW - hoursAgo * 3_600_000).toISOString();
  const user = { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' };
  return {
    id,
    name: id,
    producerAccountId: '111111111111',
    sourceDatabase: 'telco',
    meshDatabase: id,
    tables: ['usecase1'],
    owners: [user],
    offeredPermissions: ['SELECT', 'DESCRIBE'],
    publicMetadata: true,
    syncEveryHours,
    publishedBy: user,
    publishedAt: at,
    updatedAt: at,
    version: 1,
    history: [],
  };
}

describe('dueForSync', () => {
  it('picks products last synced at least their cadence ago, and never those with cadence 0', () => {
    const products = [product('due', 4, 4), product('late', 4, 30), product('fresh', 4, 3.9), product('never', 0, 1000), product('daily', 24, 23)];
    expect(dueForSync(products, NOW).map((p) => p.id)).toEqual(['due', 'late']);
  });
});
