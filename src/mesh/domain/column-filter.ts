import * as z from 'zod';

/** Which columns of the tables: only these, or all but these. Absent means every column. */
export const ColumnFilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('include'), names: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('exclude'), names: z.array(z.string().min(1)).min(1) }),
]);

export type ColumnFilter = z.infer<typeof ColumnFilterSchema>;
