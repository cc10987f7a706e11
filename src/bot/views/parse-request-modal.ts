import * as z from 'zod';
import { AccountIdSchema } from '../../mesh/domain/account-id';
import { PERMISSIONS, PermissionSchema, type Permission } from '../../mesh/domain/permission';
import { JustificationSchema, type ColumnFilter } from '../../mesh/domain/subscription';
import { REQUEST_BLOCKS } from './request-modal';
import { tableFromOptionValue } from './table-options';
import {
  decodeMetadata,
  issueText,
  columnFilter,
  selectedValue,
  selectedValues,
  STALE_FORM,
  textValue,
  ViewStateValuesSchema,
  type BlockErrors,
  type ModalParseResult,
} from './view-state';

/** What the request modal's `private_metadata` carries, e.g. `{"productId":"telco-111111111111","consumerAccountId":"999999999999"}`. */
export const RequestModalMetadataSchema = z.object({
  productId: z.string().min(1),
  consumerAccountId: AccountIdSchema.optional(),
  longTables: z.array(z.string()).optional(),
});

/** A submitted request, ready for the mesh service. */
export interface RequestModalSubmission {
  productId: string;
  consumerAccountId: string;
  tables: string[];
  permissions: Permission[];
  justification: string;
  columns?: ColumnFilter;
  /** Query roles as typed (names or ARNs); absent: all of the account's. */
  queryRoles?: string[];
}

/** Parses the request modal's submitted state: the request, or `{ [block_id]: message }` for `response_action: 'errors'`. */
export function parseRequestModal(values: unknown, privateMetadata: string | undefined): ModalParseResult<RequestModalSubmission> {
  const state = ViewStateValuesSchema.safeParse(values);
  const metadata = decodeMetadata(RequestModalMetadataSchema, privateMetadata);
  if (!state.success || !metadata) return { ok: false, errors: { [REQUEST_BLOCKS.reason]: STALE_FORM } };
  const v = state.data;
  const errors: BlockErrors = {};
  const longTables = metadata.longTables ?? [];

  const tables = [...new Set(selectedValues(v, REQUEST_BLOCKS.tables).map((value) => tableFromOptionValue(value, longTables)))];
  if (tables.length === 0) errors[REQUEST_BLOCKS.tables] = 'Choose at least one table.';
  else if (tables.some((t) => t === undefined)) errors[REQUEST_BLOCKS.tables] = STALE_FORM;

  const permissions = z.array(PermissionSchema).safeParse(selectedValues(v, REQUEST_BLOCKS.permissions));
  if (!permissions.success) errors[REQUEST_BLOCKS.permissions] = issueText(permissions.error);
  else if (permissions.data.length === 0) errors[REQUEST_BLOCKS.permissions] = 'Choose at least one permission.';

  const justification = JustificationSchema.safeParse(textValue(v, REQUEST_BLOCKS.reason));
  if (!justification.success) errors[REQUEST_BLOCKS.reason] = justification.error.issues[0]?.message === 'a reason is required'
    ? 'Tell the owners why you need this data.'
    : 'Keep the reason under 4,096 characters.';

  const columns = columnFilter(textValue(v, REQUEST_BLOCKS.columns), selectedValue(v, REQUEST_BLOCKS.columnsMode));
  if ('error' in columns) errors[REQUEST_BLOCKS.columns] = columns.error;

  const queryRoles = [...new Set(textValue(v, REQUEST_BLOCKS.queryRoles).split(',').map((r) => r.trim()).filter((r) => r !== ''))];

  const account = AccountIdSchema.safeParse(metadata.consumerAccountId ?? selectedValue(v, REQUEST_BLOCKS.account));
  if (!account.success) errors[REQUEST_BLOCKS.account] = 'Choose the account to request for.';

  if (Object.keys(errors).length > 0 || !permissions.success || !justification.success || !account.success || 'error' in columns) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      productId: metadata.productId,
      consumerAccountId: account.data,
      tables: tables.filter((t): t is string => t !== undefined),
      permissions: PERMISSIONS.filter((p) => permissions.data.includes(p)),
      justification: justification.data,
      ...(columns.filter ? { columns: columns.filter } : {}),
      ...(queryRoles.length > 0 ? { queryRoles } : {}),
    },
  };
}
