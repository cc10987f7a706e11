import * as z from 'zod';
import { AwsError } from '../aws-error';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import { CatalogIdSchema, GlueNameSchema } from './glue-inputs';
import { partitionView } from './glue-views';
import { refuseViolations, valueRange } from './model-constraints';
import { partitionFilter } from './partition-expression';
import { partitionedTable } from './partition-table';

// Sources: AWS Glue API Reference, "GetPartitions" (Expression, Segment; model: PageSize 1–1000,
// TotalSegments 1–10); page size when MaxResults is absent: docs silent.

/**
 * The most partitions a GetPartitions page holds (model: `PageSize` 1–1000). Glue does not document
 * the size of a page when `MaxResults` is absent; the emulator answers the most it may.
 */
export const GET_PARTITIONS_PAGE_MAX = 1000;

/** Model: `TotalSegmentsInteger` 1–10. */
const MAX_SEGMENTS = 10;

export const GetPartitionsInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  Expression: z.string().max(2048).optional(),
  NextToken: z.string().optional(),
  Segment: z.object({ SegmentNumber: z.number().int(), TotalSegments: z.number().int() }).optional(),
  MaxResults: z.number().int().optional(),
  ExcludeColumnSchema: z.boolean().optional(),
  TransactionId: z.string().min(1).max(255).optional(),
  QueryAsOfTime: z.number().optional(),
});

/** FNV-1a: a cheap, stable hash, so a partition always falls in the same segment. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Whether a partition (by its `partitionKey`) is in the requested `Segment` ("the segment of the
 * table's partitions to scan in this request", zero-based `SegmentNumber` of `TotalSegments`). How
 * Glue splits a table into segments is not documented; the emulator splits by a hash of the values,
 * so the segments never overlap and together hold every partition.
 */
function segmentFilter(segment: { SegmentNumber: number; TotalSegments: number } | undefined): (key: string) => boolean {
  if (segment === undefined || segment.TotalSegments === 1) return () => true;
  return (key) => hash(key) % segment.TotalSegments === segment.SegmentNumber;
}

/**
 * GetPartitions: the partitions of a table matching `Expression`, in creation order, a page at a time
 * (`MaxResults`, `NextToken`), optionally one `Segment` of them, without their column schema when
 * `ExcludeColumnSchema` is true. Needs SELECT (or INSERT) on the table (see partition-table.ts).
 * `TransactionId` and `QueryAsOfTime` are accepted and ignored (the emulator keeps no transactions),
 * but as documented they cannot be given together.
 */
export const getPartitions = operation(GetPartitionsInputSchema, (ctx, input) => {
  const segment = input.Segment;
  refuseViolations([
    valueRange('maxResults', input.MaxResults, { min: 1, max: GET_PARTITIONS_PAGE_MAX }),
    valueRange('segment.segmentNumber', segment?.SegmentNumber, { min: 0 }),
    valueRange('segment.totalSegments', segment?.TotalSegments, { min: 1, max: MAX_SEGMENTS }),
  ]);
  // The model's docs: SegmentNumber ranges from 0 to TotalSegments - 1; the refusal's text is not documented.
  if (segment && segment.SegmentNumber >= segment.TotalSegments) throw new AwsError('InvalidInputException', `SegmentNumber ${segment.SegmentNumber} must be less than TotalSegments ${segment.TotalSegments}.`);
  // GetPartitionsRequest.QueryAsOfTime: "Cannot be specified along with TransactionId" (the refusal's text is not documented).
  if (input.TransactionId !== undefined && input.QueryAsOfTime !== undefined) throw new AwsError('InvalidInputException', 'QueryAsOfTime cannot be specified along with TransactionId.');
  const found = partitionedTable(ctx, input, 'read');
  if (!found) return { Partitions: [] };
  const matches = partitionFilter(input.Expression, found.table);
  const inSegment = segmentFilter(segment);
  const partitions = Object.entries(found.partitions)
    .filter(([key, p]) => inSegment(key) && matches(p.Values))
    .map(([, p]) => p);
  const page = paginate(partitions, {
    scope: `GetPartitions/${found.catalogId}/${found.table.DatabaseName}/${found.table.Name}/${segment ? `${segment.SegmentNumber}of${segment.TotalSegments}` : ''}/${input.Expression ?? ''}`,
    token: input.NextToken,
    size: input.MaxResults ?? GET_PARTITIONS_PAGE_MAX,
    badTokenCode: 'InvalidInputException',
  });
  return { Partitions: page.items.map((p) => partitionView(p, input.ExcludeColumnSchema === true)), NextToken: page.nextToken };
});
