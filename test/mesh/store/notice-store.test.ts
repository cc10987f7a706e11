import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNoticeStore, type NoticeStore } from '../../../src/mesh/store/notice-store';
import { startTestDynamo, type TestDynamo } from '../../support/test-dynamo';

describe('notice store on dynalite', () => {
  let dynamo: TestDynamo;
  let store: NoticeStore;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    store = createNoticeStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix });
  });
  afterAll(async () => {
    await dynamo.close();
  });

  it('keeps every place a subject was shown, even when written concurrently', async () => {
    const refs = Array.from({ length: 20 }, (_, i) => ({ channel: `D0OWNER${String(i)}`, ts: `1700000000.${String(i).padStart(6, '0')}` }));

    await Promise.all(refs.map((ref) => store.add('01JSUB', ref)));

    expect((await store.list('01JSUB')).toSorted((a, b) => a.ts.localeCompare(b.ts))).toEqual(refs);
    expect(await store.list('01JOTHER')).toEqual([]);
  });
});
