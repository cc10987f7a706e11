import {
  AccessDeniedException,
  AlreadyExistsException,
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  BatchGetPartitionCommand,
  BatchUpdatePartitionCommand,
  CreateDatabaseCommand,
  CreatePartitionCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeletePartitionCommand,
  DeleteTableCommand,
  EntityNotFoundException,
  GetPartitionCommand,
  GetPartitionsCommand,
  type GlueClient,
  InvalidInputException,
  paginateGetPartitions,
  type PartitionInput,
  UpdatePartitionCommand,
} from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, type Permission } from '@aws-sdk/client-lakeformation';
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogSchema } from '../../../../src/sandbox/aws/world';
import { SANDBOX_ACCOUNTS, SANDBOX_PRODUCER_DATABASE } from '../../../../src/sandbox/seed/sandbox-accounts';
import { failure } from '../sdk-failure';
import { clientPool, type ClientPool, type ServiceClients } from '../cross-account/service-clients';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole, DATA_USER_STATEMENTS } from '../test-roles';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const DATA_USER = `arn:aws:iam::${MESH}:role/DataUser`;

let emu: TestEmulator;
let pool: ClientPool;
let admin: ServiceClients;

beforeAll(async () => {
  // RAM associates at once: the shared-table case is about partitions, not RAM timing.
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
  pool = clientPool(emu);
  admin = pool.as('mesh');
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

/** A database with one table partitioned by `keys` (all strings unless typed `name:type`). */
async function createPartitionedTable(glue: GlueClient, database: string, table: string, keys: string[]): Promise<void> {
  await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } })).catch((error: unknown) => {
    if (!(error instanceof AlreadyExistsException)) throw error;
  });
  await glue.send(
    new CreateTableCommand({
      DatabaseName: database,
      TableInput: {
        Name: table,
        StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: `s3://bucket/${database}/${table}/` },
        PartitionKeys: keys.map((k) => ({ Name: k.split(':')[0], Type: k.split(':')[1] ?? 'string' })),
      },
    }),
  );
}

/** A partition input with a Hive-style location under the test bucket. */
function input(database: string, table: string, ...values: string[]): PartitionInput {
  return { Values: values, StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: `s3://bucket/${database}/${table}/${values.join('/')}/` }, Parameters: { source: 'test' } };
}

/** Every partition's values, through the SDK paginator. */
async function allValues(glue: GlueClient, DatabaseName: string, TableName: string, extra: { Expression?: string; pageSize?: number } = {}): Promise<string[][]> {
  const values: string[][] = [];
  for await (const page of paginateGetPartitions({ client: glue, pageSize: extra.pageSize }, { DatabaseName, TableName, Expression: extra.Expression })) {
    values.push(...(page.Partitions ?? []).map((p) => p.Values ?? []));
  }
  return values;
}

describe('creating and reading partitions', () => {
  beforeAll(async () => {
    await createPartitionedTable(admin.glue, 'sales', 'orders', ['year', 'month']);
  });

  it('creates partitions in a batch and answers them in the Partition shape', async () => {
    const { Errors } = await admin.glue.send(
      new BatchCreatePartitionCommand({ DatabaseName: 'sales', TableName: 'orders', PartitionInputList: [input('sales', 'orders', '2024', '01'), input('sales', 'orders', '2024', '02')] }),
    );
    expect(Errors).toEqual([]);

    const { Partition } = await admin.glue.send(new GetPartitionCommand({ DatabaseName: 'sales', TableName: 'orders', PartitionValues: ['2024', '02'] }));
    expect(Partition).toMatchObject({
      Values: ['2024', '02'],
      DatabaseName: 'sales',
      TableName: 'orders',
      CatalogId: MESH,
      StorageDescriptor: { Location: 's3://bucket/sales/orders/2024/02/', Columns: [{ Name: 'id', Type: 'string' }] },
      Parameters: { source: 'test' },
    });
    expect(Partition?.CreationTime).toBeInstanceOf(Date);
    expect(await allValues(admin.glue, 'sales', 'orders')).toEqual([
      ['2024', '01'],
      ['2024', '02'],
    ]);
  });

  it('reports a duplicate and values that do not fit the keys per entry, and creates the rest', async () => {
    const { Errors } = await admin.glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionInputList: [input('sales', 'orders', '2024', '01'), input('sales', 'orders', '2024'), input('sales', 'orders', '2024', '03'), input('sales', 'orders', '2024', '03')],
      }),
    );
    expect(Errors).toEqual([
      { PartitionValues: ['2024', '01'], ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' } },
      { PartitionValues: ['2024'], ErrorDetail: { ErrorCode: 'InvalidInputException', ErrorMessage: 'The number of partition keys do not match the number of partition values' } },
      { PartitionValues: ['2024', '03'], ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' } },
    ]);
    expect(await allValues(admin.glue, 'sales', 'orders')).toHaveLength(3);
  });

  it('refuses CreatePartition of an existing partition, and a partition of a missing table or database', async () => {
    await admin.glue.send(new CreatePartitionCommand({ DatabaseName: 'sales', TableName: 'orders', PartitionInput: input('sales', 'orders', '2024', '04') }));
    const again = await failure(admin.glue.send(new CreatePartitionCommand({ DatabaseName: 'sales', TableName: 'orders', PartitionInput: input('sales', 'orders', '2024', '04') })));
    expect(again).toBeInstanceOf(AlreadyExistsException);
    const noTable = await failure(admin.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'sales', TableName: 'ghost', PartitionInputList: [input('sales', 'ghost', '1', '2')] })));
    expect(noTable).toBeInstanceOf(EntityNotFoundException);
    expect(noTable.message).toBe('Table ghost not found.');
    await expect(admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'nowhere', TableName: 'orders' }))).rejects.toBeInstanceOf(EntityNotFoundException);
    const noValues = await failure(admin.glue.send(new CreatePartitionCommand({ DatabaseName: 'sales', TableName: 'orders', PartitionInput: { Parameters: {} } })));
    expect(noValues).toBeInstanceOf(InvalidInputException);
  });

  it('refuses more than 100 partitions in one BatchCreatePartition with ValidationException, creating none', async () => {
    const list = Array.from({ length: 101 }, (_, i) => input('sales', 'orders', '2030', String(i)));
    const refused = await failure(admin.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'sales', TableName: 'orders', PartitionInputList: list })));
    expect(refused.name).toBe('ValidationException');
    expect(refused.$metadata.httpStatusCode).toBe(400);
    expect(refused.message).toBe("1 validation error detected: Value '[101 entries]' at 'partitionInputList' failed to satisfy constraint: Member must have length less than or equal to 100");
    expect(await allValues(admin.glue, 'sales', 'orders', { Expression: "year = '2030'" })).toEqual([]);
  });

  it('answers EntityNotFoundException for a missing partition and InvalidInputException for values that do not fit', async () => {
    const missing = await failure(admin.glue.send(new GetPartitionCommand({ DatabaseName: 'sales', TableName: 'orders', PartitionValues: ['1999', '01'] })));
    expect(missing).toBeInstanceOf(EntityNotFoundException);
    expect(missing.message).toBe('Cannot find partition.');
    await expect(admin.glue.send(new GetPartitionCommand({ DatabaseName: 'sales', TableName: 'orders', PartitionValues: ['2024'] }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('leaves the column schema out when ExcludeColumnSchema is true', async () => {
    const { Partitions } = await admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders', ExcludeColumnSchema: true, MaxResults: 1 }));
    expect(Partitions?.[0]?.StorageDescriptor).toEqual({ Location: 's3://bucket/sales/orders/2024/01/' });
  });
});

describe('GetPartitions Expression', () => {
  beforeAll(async () => {
    await createPartitionedTable(admin.glue, 'filters', 'events', ['year', 'month', 'day:int']);
    const list = ['2023', '2024']
      .flatMap((year) => ['01', '03', '04', '12'].map((month) => [year, month]))
      .flatMap(([year, month]) => ['9', '10'].map((day) => input('filters', 'events', year ?? '', month ?? '', day)));
    await admin.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'filters', TableName: 'events', PartitionInputList: list }));
  });

  const matching = (Expression: string) => allValues(admin.glue, 'filters', 'events', { Expression });

  it('filters by comparisons of partition keys joined by AND', async () => {
    expect(await matching("year = '2024' AND month > '03'")).toEqual([
      ['2024', '04', '9'],
      ['2024', '04', '10'],
      ['2024', '12', '9'],
      ['2024', '12', '10'],
    ]);
    expect(await matching("year <> '2024' and month <= '01'")).toEqual([
      ['2023', '01', '9'],
      ['2023', '01', '10'],
    ]);
  });

  it('compares int keys as numbers and string keys as text', async () => {
    expect((await matching("year = '2023' AND month = '01' AND day > 9")).map((v) => v[2])).toEqual(['10']);
    expect(await matching("year >= '2025'")).toEqual([]);
  });

  it('refuses what it does not read, and keys the table does not have, with InvalidInputException', async () => {
    for (const Expression of ["year = '2024' OR year = '2023'", "month IN ('01', '03')", "(year = '2024')", "region = 'eu'", "year = '2024' AND", "day > 'ten'"]) {
      const refused = await failure(admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'filters', TableName: 'events', Expression })));
      expect(refused, Expression).toBeInstanceOf(InvalidInputException);
    }
  });
});

describe('GetPartitions pages and segments', () => {
  beforeAll(async () => {
    await createPartitionedTable(admin.glue, 'big', 'clicks', ['day']);
    for (let batch = 0; batch < 10; batch += 1) {
      const list = Array.from({ length: 100 }, (_, i) => input('big', 'clicks', String(batch * 100 + i).padStart(4, '0')));
      const { Errors } = await admin.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'big', TableName: 'clicks', PartitionInputList: list }));
      expect(Errors).toEqual([]);
    }
  });

  it('answers 1,000 partitions in one page by default, and in pages of MaxResults through the paginator', async () => {
    const first = await admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'big', TableName: 'clicks' }));
    expect(first.Partitions).toHaveLength(1000);
    expect(first.NextToken).toBeUndefined();
    const values = await allValues(admin.glue, 'big', 'clicks', { pageSize: 300 });
    expect(values).toHaveLength(1000);
    expect(new Set(values.map((v) => v[0])).size).toBe(1000);
    expect(values[999]).toEqual(['0999']);
  });

  it('refuses MaxResults above 1,000 with ValidationException and a token of another listing with InvalidInputException', async () => {
    const tooMany = await failure(admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'big', TableName: 'clicks', MaxResults: 1001 })));
    expect(tooMany.name).toBe('ValidationException');
    const page = await admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'big', TableName: 'clicks', MaxResults: 10 }));
    await expect(admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders', NextToken: page.NextToken }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('splits the partitions into disjoint segments that together hold them all', async () => {
    const segments: string[][] = [];
    for (let SegmentNumber = 0; SegmentNumber < 4; SegmentNumber += 1) {
      const values: string[] = [];
      for await (const page of paginateGetPartitions({ client: admin.glue, pageSize: 100 }, { DatabaseName: 'big', TableName: 'clicks', Segment: { SegmentNumber, TotalSegments: 4 } })) {
        values.push(...(page.Partitions ?? []).map((p) => p.Values?.[0] ?? ''));
      }
      segments.push(values);
    }
    expect(segments.every((s) => s.length > 150)).toBe(true);
    const all = segments.flat();
    expect(all).toHaveLength(1000);
    expect(new Set(all).size).toBe(1000);
  });

  it('refuses a segment outside TotalSegments and more than 10 segments', async () => {
    await expect(admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'big', TableName: 'clicks', Segment: { SegmentNumber: 4, TotalSegments: 4 } }))).rejects.toBeInstanceOf(InvalidInputException);
    const eleven = await failure(admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'big', TableName: 'clicks', Segment: { SegmentNumber: 0, TotalSegments: 11 } })));
    expect(eleven.name).toBe('ValidationException');
  });
});

describe('BatchGetPartition', () => {
  it('answers the partitions that exist, leaves out the missing, and refuses more than 1,000 keys', async () => {
    const { Partitions, UnprocessedKeys } = await admin.glue.send(
      new BatchGetPartitionCommand({ DatabaseName: 'big', TableName: 'clicks', PartitionsToGet: [{ Values: ['0001'] }, { Values: ['9999'] }, { Values: ['0002'] }, { Values: ['0001'] }] }),
    );
    expect(Partitions?.map((p) => p.Values)).toEqual([['0001'], ['0002']]);
    expect(UnprocessedKeys).toEqual([]);
    const keys = Array.from({ length: 1001 }, (_, i) => ({ Values: [String(i)] }));
    expect((await failure(admin.glue.send(new BatchGetPartitionCommand({ DatabaseName: 'big', TableName: 'clicks', PartitionsToGet: keys })))).name).toBe('ValidationException');
  });

  it('answers keys it could not process in UnprocessedKeys', async () => {
    emu.controls.faults.add({ service: 'glue', operation: 'BatchGetPartition', error: 'ThrottlingException', count: 1, perEntry: true });
    const { Partitions, UnprocessedKeys } = await admin.glue.send(new BatchGetPartitionCommand({ DatabaseName: 'big', TableName: 'clicks', PartitionsToGet: [{ Values: ['0003'] }, { Values: ['0004'] }] }));
    expect(UnprocessedKeys).toEqual([{ Values: ['0003'] }]);
    expect(Partitions?.map((p) => p.Values)).toEqual([['0004']]);
  });
});

describe('updating and deleting partitions', () => {
  beforeAll(async () => {
    await createPartitionedTable(admin.glue, 'changes', 'logs', ['dt']);
    const list = Array.from({ length: 30 }, (_, i) => input('changes', 'logs', `2024-01-${String(i + 1).padStart(2, '0')}`));
    await admin.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionInputList: list }));
  });

  it('updates a partition in place, keeping its values and creation time', async () => {
    const before = (await admin.glue.send(new GetPartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionValues: ['2024-01-01'] }))).Partition;
    await admin.glue.send(
      new UpdatePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionValueList: ['2024-01-01'], PartitionInput: { StorageDescriptor: { Location: 's3://moved/2024-01-01/' }, Parameters: { moved: 'yes' } } }),
    );
    const after = (await admin.glue.send(new GetPartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionValues: ['2024-01-01'] }))).Partition;
    expect(after).toMatchObject({ Values: ['2024-01-01'], StorageDescriptor: { Location: 's3://moved/2024-01-01/' }, Parameters: { moved: 'yes' }, CreationTime: before?.CreationTime });
    const rename = failure(admin.glue.send(new UpdatePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionValueList: ['2024-01-01'], PartitionInput: { Values: ['2025-01-01'] } })));
    expect(await rename).toBeInstanceOf(InvalidInputException);
    await expect(admin.glue.send(new UpdatePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionValueList: ['1999-01-01'], PartitionInput: {} }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  it('reports the updates BatchUpdatePartition could not make, and needs 1 to 100 entries', async () => {
    const { Errors } = await admin.glue.send(
      new BatchUpdatePartitionCommand({
        DatabaseName: 'changes',
        TableName: 'logs',
        Entries: [
          { PartitionValueList: ['2024-01-02'], PartitionInput: { Parameters: { checked: 'true' } } },
          { PartitionValueList: ['1999-01-01'], PartitionInput: {} },
        ],
      }),
    );
    expect(Errors).toEqual([{ PartitionValueList: ['1999-01-01'], ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Cannot find partition.' } }]);
    expect((await admin.glue.send(new GetPartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionValues: ['2024-01-02'] }))).Partition?.Parameters).toEqual({ checked: 'true' });
    const none = await failure(admin.glue.send(new BatchUpdatePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', Entries: [] })));
    expect(none.name).toBe('ValidationException');
    expect(none.message).toContain("at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });

  it('deletes partitions, reports the missing per entry, and refuses more than 25 in one BatchDeletePartition', async () => {
    await admin.glue.send(new DeletePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionValues: ['2024-01-30'] }));
    await expect(admin.glue.send(new DeletePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionValues: ['2024-01-30'] }))).rejects.toBeInstanceOf(EntityNotFoundException);

    const tooMany = Array.from({ length: 26 }, (_, i) => ({ Values: [`2024-01-${String(i + 1).padStart(2, '0')}`] }));
    const refused = await failure(admin.glue.send(new BatchDeletePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionsToDelete: tooMany })));
    expect(refused.name).toBe('ValidationException');
    expect(refused.message).toContain("at 'partitionsToDelete' failed to satisfy constraint: Member must have length less than or equal to 25");
    expect(await allValues(admin.glue, 'changes', 'logs')).toHaveLength(29);

    const { Errors } = await admin.glue.send(
      new BatchDeletePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionsToDelete: [{ Values: ['2024-01-03'] }, { Values: ['2024-01-30'] }, { Values: ['2024-01-04'] }] }),
    );
    expect(Errors).toEqual([{ PartitionValues: ['2024-01-30'], ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Cannot find partition.' } }]);
    expect(await allValues(admin.glue, 'changes', 'logs')).toHaveLength(27);
  });

  it('deletes a table with its partitions, and a database with all of them', async () => {
    await admin.glue.send(new DeleteTableCommand({ DatabaseName: 'changes', Name: 'logs' }));
    await createPartitionedTable(admin.glue, 'changes', 'logs', ['dt']);
    expect(await allValues(admin.glue, 'changes', 'logs')).toEqual([]);
    expect(Object.keys(emu.world.catalogs[MESH]?.databases.changes?.partitions ?? {})).toEqual([]);

    await admin.glue.send(new CreatePartitionCommand({ DatabaseName: 'changes', TableName: 'logs', PartitionInput: input('changes', 'logs', '2024-02-01') }));
    await admin.glue.send(new DeleteDatabaseCommand({ Name: 'changes' }));
    await createPartitionedTable(admin.glue, 'changes', 'logs', ['dt']);
    expect(await allValues(admin.glue, 'changes', 'logs')).toEqual([]);
  });
});

describe('resource links', () => {
  beforeAll(async () => {
    await createPartitionedTable(admin.glue, 'linked', 'target', ['dt']);
    await admin.glue.send(new CreatePartitionCommand({ DatabaseName: 'linked', TableName: 'target', PartitionInput: input('linked', 'target', '2024-01-01') }));
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'links' } }));
    await admin.glue.send(new CreateTableCommand({ DatabaseName: 'links', TableInput: { Name: 'target_link', TargetTable: { CatalogId: MESH, DatabaseName: 'linked', Name: 'target' } } }));
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'links_db', TargetDatabase: { CatalogId: MESH, DatabaseName: 'links' } } }));
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'linked_db', TargetDatabase: { CatalogId: MESH, DatabaseName: 'linked' } } }));
  });

  it('reads and writes the target table through a table resource link or a database resource link', async () => {
    await admin.glue.send(new CreatePartitionCommand({ DatabaseName: 'links', TableName: 'target_link', PartitionInput: input('linked', 'target', '2024-01-02') }));
    expect(await allValues(admin.glue, 'links', 'target_link')).toEqual([['2024-01-01'], ['2024-01-02']]);
    expect(await allValues(admin.glue, 'linked_db', 'target')).toEqual([['2024-01-01'], ['2024-01-02']]);
    const { Partition } = await admin.glue.send(new GetPartitionCommand({ DatabaseName: 'links', TableName: 'target_link', PartitionValues: ['2024-01-02'] }));
    expect(Partition).toMatchObject({ DatabaseName: 'linked', TableName: 'target' });
  });

  it('answers an empty result through both a database link and a table link, and refuses writes there', async () => {
    expect((await admin.glue.send(new GetPartitionsCommand({ DatabaseName: 'links_db', TableName: 'target_link' }))).Partitions).toEqual([]);
    expect((await admin.glue.send(new GetPartitionCommand({ DatabaseName: 'links_db', TableName: 'target_link', PartitionValues: ['2024-01-01'] }))).Partition).toBeUndefined();
    const write = await failure(admin.glue.send(new CreatePartitionCommand({ DatabaseName: 'links_db', TableName: 'target_link', PartitionInput: input('linked', 'target', '2024-01-03') })));
    expect(write).toBeInstanceOf(InvalidInputException);
  });

  it('keeps the partitions of the target when its resource link is deleted', async () => {
    await admin.glue.send(new DeleteTableCommand({ DatabaseName: 'links', Name: 'target_link' }));
    expect(await allValues(admin.glue, 'linked', 'target')).toHaveLength(2);
  });
});

describe('Lake Formation permissions on partitions', () => {
  let role: ServiceClients;
  const grant = (Permissions: Permission[]) =>
    admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: DATA_USER }, Resource: { Table: { DatabaseName: 'governed', Name: 'facts' } }, Permissions }));
  const create = (value: string) => role.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'governed', TableName: 'facts', PartitionInputList: [input('governed', 'facts', value)] }));

  beforeAll(async () => {
    role = pool.as(await emu.assumeRole(addRole(emu, SANDBOX_ACCOUNTS.mesh.id, 'DataUser', DATA_USER_STATEMENTS), { as: 'mesh' }));
    await createPartitionedTable(admin.glue, 'governed', 'facts', ['dt']);
    await admin.glue.send(new CreatePartitionCommand({ DatabaseName: 'governed', TableName: 'facts', PartitionInput: input('governed', 'facts', 'a') }));
  });

  it('refuses a principal without permissions, and one with DESCRIBE only', async () => {
    await expect(role.glue.send(new GetPartitionsCommand({ DatabaseName: 'governed', TableName: 'facts' }))).rejects.toBeInstanceOf(AccessDeniedException);
    await grant(['DESCRIBE']);
    const refused = await failure(role.glue.send(new GetPartitionsCommand({ DatabaseName: 'governed', TableName: 'facts' })));
    expect(refused).toBeInstanceOf(AccessDeniedException);
    expect(refused.message).toBe('Insufficient Lake Formation permission(s): Required Select on facts');
  });

  it('lets SELECT read but not create, INSERT create, ALTER update and DELETE delete', async () => {
    await grant(['SELECT']);
    expect((await role.glue.send(new GetPartitionsCommand({ DatabaseName: 'governed', TableName: 'facts' }))).Partitions).toHaveLength(1);
    const noInsert = await failure(create('b'));
    expect(noInsert).toBeInstanceOf(AccessDeniedException);
    expect(noInsert.message).toBe('Insufficient Lake Formation permission(s): Required Insert on facts');

    await grant(['INSERT']);
    expect((await create('b')).Errors).toEqual([]);
    await expect(role.glue.send(new DeletePartitionCommand({ DatabaseName: 'governed', TableName: 'facts', PartitionValues: ['b'] }))).rejects.toBeInstanceOf(AccessDeniedException);
    await grant(['DELETE']);
    await role.glue.send(new DeletePartitionCommand({ DatabaseName: 'governed', TableName: 'facts', PartitionValues: ['b'] }));
    await grant(['ALTER']);
    await role.glue.send(new UpdatePartitionCommand({ DatabaseName: 'governed', TableName: 'facts', PartitionValueList: ['a'], PartitionInput: { Parameters: { by: 'role' } } }));
    expect((await admin.glue.send(new GetPartitionCommand({ DatabaseName: 'governed', TableName: 'facts', PartitionValues: ['a'] }))).Partition?.Parameters).toEqual({ by: 'role' });
  });

  it('lets SELECT on some columns read the partitions, as partition keys cannot be restricted', async () => {
    await createPartitionedTable(admin.glue, 'governed', 'narrow', ['dt']);
    await admin.lf.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: DATA_USER },
        Resource: { TableWithColumns: { DatabaseName: 'governed', Name: 'narrow', ColumnNames: ['id'] } },
        Permissions: ['SELECT'],
      }),
    );
    expect((await role.glue.send(new GetPartitionsCommand({ DatabaseName: 'governed', TableName: 'narrow' }))).Partitions).toEqual([]);
  });
});

describe('partitions of a table shared with another account', () => {
  it('are read by the consumer through a resource link to the shared table, but not written without INSERT', async () => {
    const consumer = pool.as('consumer');
    await createPartitionedTable(admin.glue, 'shared', 'sales', ['dt']);
    await admin.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'shared', TableName: 'sales', PartitionInputList: [input('shared', 'sales', '2024-01-01'), input('shared', 'sales', '2024-01-02')] }));
    const sales = { CatalogId: MESH, DatabaseName: 'shared', TableName: 'sales' };
    await expect(consumer.glue.send(new GetPartitionsCommand(sales))).rejects.toBeInstanceOf(AccessDeniedException);

    await admin.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ACCOUNTS.consumer.id }, Resource: { Table: { CatalogId: MESH, DatabaseName: 'shared', Name: 'sales' } }, Permissions: ['SELECT', 'DESCRIBE'] }),
    );
    const { resourceShareInvitations } = await consumer.ram.send(new GetResourceShareInvitationsCommand({}));
    await consumer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: resourceShareInvitations?.[0]?.resourceShareInvitationArn }));
    expect((await consumer.glue.send(new GetPartitionsCommand(sales))).Partitions).toHaveLength(2);

    await consumer.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'imports' } }));
    await consumer.glue.send(new CreateTableCommand({ DatabaseName: 'imports', TableInput: { Name: 'sales_link', TargetTable: { CatalogId: MESH, DatabaseName: 'shared', Name: 'sales' } } }));
    const { Partitions } = await consumer.glue.send(new GetPartitionsCommand({ DatabaseName: 'imports', TableName: 'sales_link' }));
    expect(Partitions?.map((p) => [p.CatalogId, p.DatabaseName, p.TableName, p.Values?.[0]])).toEqual([
      [MESH, 'shared', 'sales', '2024-01-01'],
      [MESH, 'shared', 'sales', '2024-01-02'],
    ]);
    const write = await failure(consumer.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'imports', TableName: 'sales_link', PartitionInputList: [input('shared', 'sales', '2024-01-03')] })));
    expect(write).toBeInstanceOf(AccessDeniedException);
    expect(write.message).toBe('Insufficient Lake Formation permission(s): Required Insert on sales');
  });
});

describe('the seeded producer tables', () => {
  it('have three dozen partitions each under the table location, read by the producer admin', async () => {
    const producer = pool.as('producer');
    const kpis = await allValues(producer.glue, SANDBOX_PRODUCER_DATABASE, 'usecase1_cell_kpis');
    expect(kpis).toHaveLength(36);
    expect(kpis[0]).toEqual(['2024', '01', '01']);
    const { Partition } = await producer.glue.send(new GetPartitionCommand({ DatabaseName: SANDBOX_PRODUCER_DATABASE, TableName: 'usecase2_customer_churn', PartitionValues: ['2024-01-01'] }));
    expect(Partition?.StorageDescriptor?.Location).toBe('s3://producer-111111111111-telco/usecase2_customer_churn/snapshot_date=2024-01-01/');
    expect(await allValues(producer.glue, SANDBOX_PRODUCER_DATABASE, 'cell_towers')).toEqual([]);
  });
});

describe('persisted worlds', () => {
  it('load without partitions, as worlds saved before them', () => {
    const database = { Name: 'old', CatalogId: MESH, CreateTime: 0 };
    const parsed = CatalogSchema.parse({ databases: { old: { database, tables: {} } } });
    expect(parsed.databases.old?.partitions).toEqual({});
  });
});
