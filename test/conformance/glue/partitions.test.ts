import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  BatchGetPartitionCommand,
  BatchUpdatePartitionCommand,
  CreateDatabaseCommand,
  CreatePartitionCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeletePartitionCommand,
  GetPartitionCommand,
  GetPartitionsCommand,
  GlueClient,
  type PartitionInput,
  UpdatePartitionCommand,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answerBook, answerOf } from '../support/answer-book';
import { type ConformanceTarget, startConformanceTarget } from '../support/conformance-target';

/**
 * The Glue partition API as AWS documents it: the AWS Glue API reference pages of CreatePartition,
 * BatchCreatePartition, GetPartition, GetPartitions, BatchGetPartition, UpdatePartition,
 * BatchUpdatePartition, DeletePartition and BatchDeletePartition, the limits of the Glue service
 * model (botocore `glue/2017-03-31/service-2.json`) and the API reference's "Common Errors". Each
 * case names its source. Only the accounts' administrators act; the suite makes its own database and
 * table (`target.name`) and deletes them at the end.
 *
 * Where the documents give an error code but no text, the code is asserted here and the text is left
 * to the recorded AWS answers. A ValidationException message prints the offending value in the
 * service's own rendering, which no document defines, so it is recorded without that value.
 */

let target: ConformanceTarget;
let glue: GlueClient;
let consumer: GlueClient;
let book: ReturnType<typeof answerBook>;
let database = '';
const TABLE = 'events';

beforeAll(async () => {
  target = await startConformanceTarget();
  glue = new GlueClient(target.as('producer'));
  consumer = new GlueClient(target.as('consumer'));
  book = answerBook(target, 'glue-partitions');
  database = target.name('partitions');
  await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } }));
  await glue.send(
    new CreateTableCommand({
      DatabaseName: database,
      TableInput: {
        Name: TABLE,
        TableType: 'EXTERNAL_TABLE',
        StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: `s3://${database.replaceAll('_', '-')}/events/` },
        PartitionKeys: [
          { Name: 'year', Type: 'string' },
          { Name: 'month', Type: 'string' },
        ],
      },
    }),
  );
});

afterAll(async () => {
  // DeleteDatabase: "Removes a specified database from a Data Catalog", with its tables and their partitions.
  if (database !== '') await glue.send(new DeleteDatabaseCommand({ Name: database })).catch(() => undefined);
  book.save();
  glue.destroy();
  consumer.destroy();
  await target.close();
});

/** A partition input of the suite's table, at its Hive-style prefix. */
function partition(year: string, month: string): PartitionInput {
  return { Values: [year, month], StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: `s3://${database.replaceAll('_', '-')}/events/year=${year}/month=${month}/` } };
}

/** A per-entry error of a batch answer (`ErrorDetail`), as an answer of its own inside a 200 response. */
function entryAnswer(detail: { ErrorCode?: string | undefined; ErrorMessage?: string | undefined } | undefined): Answer {
  return { ok: false, code: detail?.ErrorCode ?? '', message: detail?.ErrorMessage ?? '', status: 200 };
}

/** A ValidationException without the offending value, which AWS prints in its own rendering. */
function withoutValue(answer: Answer): Answer {
  return answer.ok ? answer : { ...answer, message: answer.message.replace(/Value '[\s\S]*?' at '/g, "Value '…' at '") };
}

const keys = (list: { Values?: string[] | undefined }[] | undefined): string[] => (list ?? []).map((p) => (p.Values ?? []).join('/')).sort();

/** Every partition of the suite's table matching `Expression`, over all pages (a page may hold fewer than asked). */
async function allKeys(Expression: string): Promise<string[]> {
  const found: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await glue.send(new GetPartitionsCommand({ DatabaseName: database, TableName: TABLE, Expression, NextToken }));
    found.push(...keys(page.Partitions));
    NextToken = page.NextToken;
  } while (NextToken !== undefined);
  return found.sort();
}

describe('BatchCreatePartition', () => {
  it('creates partitions and answers an empty Errors list', async () => {
    // BatchCreatePartition: "Creates one or more partitions in a batch operation"; Errors: "The errors encountered when trying to create the requested partitions."
    const answer = await glue.send(new BatchCreatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionInputList: [partition('2024', '01'), partition('2024', '02'), partition('2023', '12')] }));
    expect(answer.Errors ?? []).toEqual([]);
    book.check('batch-create/ok', { ok: true });
  });

  it('reports an existing partition in Errors with AlreadyExistsException and creates the others', async () => {
    // BatchCreatePartition, Errors (PartitionError: PartitionValues, ErrorDetail); AlreadyExistsException: "A resource to be created or added already exists."
    const answer = await glue.send(new BatchCreatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionInputList: [partition('2024', '01'), partition('2024', '03')] }));
    expect(answer.Errors?.map((e) => [e.PartitionValues, e.ErrorDetail?.ErrorCode])).toEqual([[['2024', '01'], 'AlreadyExistsException']]);
    book.check('batch-create/duplicate-entry', entryAnswer(answer.Errors?.[0]?.ErrorDetail));
    const got = await answerOf(glue.send(new GetPartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValues: ['2024', '03'] })));
    expect(got).toEqual({ ok: true });
  });

  it('takes 100 partitions in one call and refuses 101 with ValidationException', async () => {
    // Service model: PartitionInputList max 100. Common Errors: ValidationException, HTTP 400, "The input fails to satisfy the constraints specified by an AWS service."
    const hundred = Array.from({ length: 100 }, (_, i) => partition('2000', String(i).padStart(3, '0')));
    const allowed = await answerOf(glue.send(new BatchCreatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionInputList: hundred })));
    expect(allowed).toEqual({ ok: true });
    book.check('batch-create/100-entries', allowed);

    const tooMany = Array.from({ length: 101 }, (_, i) => partition('2001', String(i).padStart(3, '0')));
    const refused = await answerOf(glue.send(new BatchCreatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionInputList: tooMany })));
    expect(refused).toMatchObject({ ok: false, code: 'ValidationException', status: 400 });
    book.check('batch-create/101-entries', withoutValue(refused));
    expect(await allKeys("year = '2001'")).toEqual([]);
  });

  it('refuses a partition of a table that does not exist with EntityNotFoundException', async () => {
    // BatchCreatePartition errors: EntityNotFoundException, "A specified entity does not exist".
    const refused = await answerOf(glue.send(new BatchCreatePartitionCommand({ DatabaseName: database, TableName: 'no_such_table', PartitionInputList: [partition('2024', '01')] })));
    expect(refused).toMatchObject({ ok: false, code: 'EntityNotFoundException', status: 400 });
    book.check('batch-create/missing-table', refused);
  });
});

describe('CreatePartition', () => {
  it('creates one partition and refuses it a second time with AlreadyExistsException', async () => {
    // CreatePartition: "Creates a new partition"; errors: AlreadyExistsException.
    const created = await answerOf(glue.send(new CreatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionInput: partition('2024', '04') })));
    expect(created).toEqual({ ok: true });
    book.check('create/ok', created);
    const again = await answerOf(glue.send(new CreatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionInput: partition('2024', '04') })));
    expect(again).toMatchObject({ ok: false, code: 'AlreadyExistsException', status: 400 });
    book.check('create/duplicate', again);
  });

  it('refuses values that do not match the partition keys with InvalidInputException', async () => {
    // PartitionInput.Values: "must be passed as an array of String objects that must be ordered in the same order as the partition keys"; InvalidInputException: "The input provided was not valid."
    const refused = await answerOf(glue.send(new CreatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionInput: { Values: ['2024'] } })));
    expect(refused).toMatchObject({ ok: false, code: 'InvalidInputException', status: 400 });
    book.check('create/values-count', refused);
  });
});

describe('GetPartition and BatchGetPartition', () => {
  it('answers a partition in the Partition shape, and EntityNotFoundException for a missing one', async () => {
    // GetPartition: "Retrieves information about a specified partition"; Partition: Values, DatabaseName, TableName, CreationTime, StorageDescriptor, CatalogId.
    const { Partition } = await glue.send(new GetPartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValues: ['2024', '02'] }));
    expect(Partition).toMatchObject({ Values: ['2024', '02'], DatabaseName: database, TableName: TABLE, CatalogId: target.accounts.producer });
    expect(Partition?.CreationTime).toBeInstanceOf(Date);
    expect(Partition?.StorageDescriptor?.Location).toBe(partition('2024', '02').StorageDescriptor?.Location);
    book.check('get/ok', { ok: true });
    // GetPartition errors: EntityNotFoundException.
    const missing = await answerOf(glue.send(new GetPartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValues: ['1999', '01'] })));
    expect(missing).toMatchObject({ ok: false, code: 'EntityNotFoundException', status: 400 });
    book.check('get/missing', missing);
  });

  it('answers the requested partitions that exist, and refuses more than 1,000 keys with ValidationException', async () => {
    // BatchGetPartition: "Retrieves partitions in a batch request"; Partitions: "A list of the requested partitions."
    const answer = await glue.send(new BatchGetPartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionsToGet: [{ Values: ['2024', '01'] }, { Values: ['2024', '02'] }, { Values: ['1999', '01'] }] }));
    expect(keys(answer.Partitions)).toEqual(['2024/01', '2024/02']);
    book.check('batch-get/ok', { ok: true });
    // Service model: BatchGetPartitionValueList max 1000.
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ Values: ['3000', String(i)] }));
    const refused = await answerOf(glue.send(new BatchGetPartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionsToGet: tooMany })));
    expect(refused).toMatchObject({ ok: false, code: 'ValidationException', status: 400 });
    book.check('batch-get/1001-keys', withoutValue(refused));
  });
});

describe('GetPartitions', () => {
  it('filters by an Expression over the partition keys', async () => {
    // GetPartitions.Expression: "SQL syntax similar to the SQL WHERE filter clause", operators = <> > < >= <= and AND.
    expect(await allKeys("year = '2024' AND month > '02'")).toEqual(['2024/03', '2024/04']);
    book.check('get-partitions/expression', { ok: true });
  });

  it('pages with MaxResults and NextToken, and refuses MaxResults above 1,000 with ValidationException', async () => {
    // GetPartitions: MaxResults "The maximum number of partitions to return in a single response"; NextToken "A continuation token, if the returned list of partitions does not include the last one."
    const first = await glue.send(new GetPartitionsCommand({ DatabaseName: database, TableName: TABLE, Expression: "year = '2024'", MaxResults: 2 }));
    expect(first.Partitions).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const seen = [...keys(first.Partitions)];
    let NextToken = first.NextToken;
    while (NextToken !== undefined) {
      const page = await glue.send(new GetPartitionsCommand({ DatabaseName: database, TableName: TABLE, Expression: "year = '2024'", MaxResults: 2, NextToken }));
      seen.push(...keys(page.Partitions));
      NextToken = page.NextToken;
    }
    expect(seen.sort()).toEqual(['2024/01', '2024/02', '2024/03', '2024/04']);
    book.check('get-partitions/pages', { ok: true });
    // Service model: PageSize 1–1000.
    const refused = await answerOf(glue.send(new GetPartitionsCommand({ DatabaseName: database, TableName: TABLE, MaxResults: 1001 })));
    expect(refused).toMatchObject({ ok: false, code: 'ValidationException', status: 400 });
    book.check('get-partitions/max-results-1001', withoutValue(refused));
  });

  it('splits the partitions into segments that together hold them all, and refuses more than 10 segments', async () => {
    // GetPartitions.Segment: "The segment of the table's partitions to scan in this request"; SegmentNumber "ranges from 0 through" TotalSegments - 1.
    const segmented: string[] = [];
    for (let SegmentNumber = 0; SegmentNumber < 2; SegmentNumber += 1) {
      let NextToken: string | undefined;
      do {
        const page = await glue.send(new GetPartitionsCommand({ DatabaseName: database, TableName: TABLE, Expression: "year = '2024'", Segment: { SegmentNumber, TotalSegments: 2 }, NextToken }));
        segmented.push(...keys(page.Partitions));
        NextToken = page.NextToken;
      } while (NextToken !== undefined);
    }
    expect(segmented.sort()).toEqual(['2024/01', '2024/02', '2024/03', '2024/04']);
    book.check('get-partitions/segments', { ok: true });
    // Service model: TotalSegmentsInteger 1–10.
    const refused = await answerOf(glue.send(new GetPartitionsCommand({ DatabaseName: database, TableName: TABLE, Segment: { SegmentNumber: 0, TotalSegments: 11 } })));
    expect(refused).toMatchObject({ ok: false, code: 'ValidationException', status: 400 });
    book.check('get-partitions/11-segments', withoutValue(refused));
  });

  it("refuses another account's administrator when nothing is shared with its account", async () => {
    // Lake Formation "Cross-account data sharing": another account reaches Data Catalog resources only once they are shared with it.
    const refused = await answerOf(consumer.send(new GetPartitionsCommand({ CatalogId: target.accounts.producer, DatabaseName: database, TableName: TABLE })));
    expect(refused).toMatchObject({ ok: false, code: 'AccessDeniedException' });
    book.check('get-partitions/unshared-account', refused);
  });
});

describe('UpdatePartition and BatchUpdatePartition', () => {
  it('updates a partition, and refuses a missing one with EntityNotFoundException', async () => {
    // UpdatePartition: "Updates a partition"; errors: EntityNotFoundException.
    const moved = `s3://${database.replaceAll('_', '-')}/moved/2024-01/`;
    const updated = await answerOf(
      glue.send(new UpdatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValueList: ['2024', '01'], PartitionInput: { Values: ['2024', '01'], StorageDescriptor: { Location: moved } } })),
    );
    expect(updated).toEqual({ ok: true });
    book.check('update/ok', updated);
    const { Partition } = await glue.send(new GetPartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValues: ['2024', '01'] }));
    expect(Partition?.StorageDescriptor?.Location).toBe(moved);
    const missing = await answerOf(glue.send(new UpdatePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValueList: ['1999', '01'], PartitionInput: { Values: ['1999', '01'] } })));
    expect(missing).toMatchObject({ ok: false, code: 'EntityNotFoundException', status: 400 });
    book.check('update/missing', missing);
  });

  it('reports a missing partition in Errors, and needs 1 to 100 entries', async () => {
    // BatchUpdatePartition: Errors "The errors encountered when trying to update the requested partitions" (BatchUpdatePartitionFailureEntry).
    const answer = await glue.send(
      new BatchUpdatePartitionCommand({
        DatabaseName: database,
        TableName: TABLE,
        Entries: [
          { PartitionValueList: ['2024', '02'], PartitionInput: { ...partition('2024', '02'), Parameters: { checked: 'yes' } } },
          { PartitionValueList: ['1999', '02'], PartitionInput: partition('1999', '02') },
        ],
      }),
    );
    expect(answer.Errors?.map((e) => [e.PartitionValueList, e.ErrorDetail?.ErrorCode])).toEqual([[['1999', '02'], 'EntityNotFoundException']]);
    book.check('batch-update/missing-entry', entryAnswer(answer.Errors?.[0]?.ErrorDetail));
    // Service model: BatchUpdatePartitionRequestEntryList 1–100.
    const empty = await answerOf(glue.send(new BatchUpdatePartitionCommand({ DatabaseName: database, TableName: TABLE, Entries: [] })));
    expect(empty).toMatchObject({ ok: false, code: 'ValidationException', status: 400 });
    book.check('batch-update/0-entries', withoutValue(empty));
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ PartitionValueList: ['2000', String(i).padStart(3, '0')], PartitionInput: partition('2000', String(i).padStart(3, '0')) }));
    const refused = await answerOf(glue.send(new BatchUpdatePartitionCommand({ DatabaseName: database, TableName: TABLE, Entries: tooMany })));
    expect(refused).toMatchObject({ ok: false, code: 'ValidationException', status: 400 });
    book.check('batch-update/101-entries', withoutValue(refused));
  });
});

describe('DeletePartition and BatchDeletePartition', () => {
  it('deletes a partition, and refuses it a second time with EntityNotFoundException', async () => {
    // DeletePartition: "Deletes a specified partition"; errors: EntityNotFoundException.
    const deleted = await answerOf(glue.send(new DeletePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValues: ['2024', '04'] })));
    expect(deleted).toEqual({ ok: true });
    book.check('delete/ok', deleted);
    const again = await answerOf(glue.send(new DeletePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValues: ['2024', '04'] })));
    expect(again).toMatchObject({ ok: false, code: 'EntityNotFoundException', status: 400 });
    book.check('delete/missing', again);
  });

  it('refuses more than 25 partitions with ValidationException, and reports a missing one in Errors', async () => {
    // Service model: BatchDeletePartitionValueList max 25.
    const tooMany = Array.from({ length: 26 }, (_, i) => ({ Values: ['2000', String(i).padStart(3, '0')] }));
    const refused = await answerOf(glue.send(new BatchDeletePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionsToDelete: tooMany })));
    expect(refused).toMatchObject({ ok: false, code: 'ValidationException', status: 400 });
    book.check('batch-delete/26-entries', withoutValue(refused));
    expect(await allKeys("year = '2000'")).toHaveLength(100);

    // BatchDeletePartition: "Deletes one or more partitions in a batch operation"; Errors: "The errors encountered when trying to delete the requested partitions."
    const answer = await glue.send(new BatchDeletePartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionsToDelete: [{ Values: ['2023', '12'] }, { Values: ['1999', '03'] }] }));
    expect(answer.Errors?.map((e) => [e.PartitionValues, e.ErrorDetail?.ErrorCode])).toEqual([[['1999', '03'], 'EntityNotFoundException']]);
    book.check('batch-delete/missing-entry', entryAnswer(answer.Errors?.[0]?.ErrorDetail));
    const gone = await answerOf(glue.send(new GetPartitionCommand({ DatabaseName: database, TableName: TABLE, PartitionValues: ['2023', '12'] })));
    expect(gone).toMatchObject({ ok: false, code: 'EntityNotFoundException' });
  });
});
