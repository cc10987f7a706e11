import { describe, expect, it } from 'vitest';
import { publishImpact } from '../../../src/mesh/domain/publish-impact';
import { nameKey, namedProductId } from '../../../src/mesh/service/products/publish-target';
import { ADA, PAT, TELCO, telcoSubscription } from '../../bot/blocks/telco-fixtures';

const KPIS = 'usecase1_cell_kpis';
const CHURN = 'usecase2_customer_churn';
const same = { name: TELCO.name, owners: TELCO.owners, tables: TELCO.tables, patternChanged: false };
const on = (status: Parameters<typeof telcoSubscription>[0], tables: string[], id: string) => ({ ...telcoSubscription(status), id, tables });

describe('publishImpact', () => {
  it('asks nothing of a product without live subscriptions, or of a publish a sync would make', () => {
    expect(publishImpact(TELCO, { ...same, tables: [KPIS] }, [on('REVOKED', [KPIS, CHURN], 'a'), on('DENIED', [CHURN], 'b')])).toBeUndefined();
    expect(publishImpact(TELCO, { ...same, tables: [...TELCO.tables, 'usecase3_new'] }, [on('ACTIVE', [KPIS], 'a')])).toBeUndefined();
  });

  it('names the tables leaving, and per live subscription the ones it loses', () => {
    const impact = publishImpact(TELCO, { ...same, tables: [CHURN], patternChanged: true }, [on('ACTIVE', [KPIS, CHURN], 'a'), on('PENDING', [CHURN], 'b'), on('CANCELLED', [KPIS], 'c')]);

    expect(impact).toMatchObject({ productId: TELCO.id, version: TELCO.version, tablesRemoved: [KPIS], tablesAdded: [] });
    expect(impact?.subscriptions.map((s) => [s.subscriptionId, s.status, s.loses])).toEqual([
      ['a', 'ACTIVE', [KPIS]],
      ['b', 'PENDING', []],
    ]);
  });

  it('counts a new name or new owners as a change, and gives another fingerprint once a subscription moved', () => {
    const subscriptions = [on('ACTIVE', [KPIS], 'a')];
    const renamed = publishImpact(TELCO, { ...same, name: 'Cell towers' }, subscriptions);
    const reowned = publishImpact(TELCO, { ...same, owners: [PAT, ADA] }, subscriptions);

    expect(renamed?.name).toEqual({ before: TELCO.name, after: 'Cell towers' });
    expect(reowned?.owners?.after).toEqual([PAT, ADA]);
    expect(publishImpact(TELCO, { ...same, name: 'Cell towers' }, subscriptions)?.fingerprint).toBe(renamed?.fingerprint);
    const moved = [{ ...subscriptions[0]!, version: subscriptions[0]!.version + 1 }];
    expect(publishImpact(TELCO, { ...same, name: 'Cell towers' }, moved)?.fingerprint).not.toBe(renamed?.fingerprint);
  });
});

describe('the id of a further product of a mesh database', () => {
  it('comes from its name, and can never be a Glue name (the id of a first product)', () => {
    expect(namedProductId('telco-111111111111', 'Cell towers')).toBe('telco-111111111111/cell-towers');
    expect(nameKey('  Cell  Towers! ')).toBe(nameKey('cell-towers'));
    expect(nameKey('???')).toBe('product');
  });
});
