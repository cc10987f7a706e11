import * as z from 'zod';
import { PERMISSIONS, PermissionSchema, type Permission } from '../../mesh/domain/permission';
import type { ColumnFilter } from '../../mesh/domain/subscription';
import { columnFilter, issueText, selectedValue, selectedValues, textValue, type BlockErrors, type ViewStateValues } from './view-state';

/** Block ids of the inputs a decision modal plans from. */
export interface PlanChoiceBlocks {
  permissions: string;
  columns: string;
  columnsMode: string;
}

/**
 * The permissions (canonical order) and column filter a decision modal holds, for the approve and
 * modify modals alike; a wrong one adds its error under its block to `errors` and gives undefined.
 */
export function readPlanChoices(values: ViewStateValues, blocks: PlanChoiceBlocks, whenNone: string, errors: BlockErrors): { permissions: Permission[]; columns: ColumnFilter | undefined } | undefined {
  const permissions = z.array(PermissionSchema).safeParse(selectedValues(values, blocks.permissions));
  if (!permissions.success) errors[blocks.permissions] = issueText(permissions.error);
  else if (permissions.data.length === 0) errors[blocks.permissions] = whenNone;
  const columns = columnFilter(textValue(values, blocks.columns), selectedValue(values, blocks.columnsMode));
  if ('error' in columns) errors[blocks.columns] = columns.error;
  if (!permissions.success || permissions.data.length === 0 || 'error' in columns) return undefined;
  return { permissions: PERMISSIONS.filter((p) => permissions.data.includes(p)), columns: columns.filter };
}
