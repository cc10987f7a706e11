import type { DataProduct } from '../../mesh/domain/data-product';
import type { Permission } from '../../mesh/domain/permission';
import type { ColumnFilter } from '../../mesh/domain/subscription';
import { ACTIONS, VIEWS } from '../interaction-ids';
import { context, option, plain, section } from '../blocks/block-kit';
import { code, escapeMrkdwn, joinCapped, mention, plural, truncate } from '../blocks/mrkdwn';
import { productNameText } from '../blocks/product-name';
import { SLACK_LIMITS as L } from '../blocks/slack-limits';
import type { KnownBlock, ModalView } from '../blocks/slack-types';
import { PERMISSION_HINTS } from '../blocks/subscription-facts';
import { checkboxes, COLUMN_MODE_OPTIONS, columnsInitialText, input, radios, textInput } from './input-blocks';
import { longTableNames, tableOptions, tableOptionValue } from './table-options';
import { encodeMetadata } from './view-state';

/** Block ids of the request modal; the parser reads them back. */
export const REQUEST_BLOCKS = {
  tables: 'request_tables',
  permissions: 'request_permissions',
  reason: 'request_reason',
  columns: 'request_columns',
  columnsMode: 'request_columns_mode',
  account: 'request_account',
  queryRoles: 'request_query_roles',
} as const;

/** What a partial `/mesh request` already said, to prefill the modal. */
export interface RequestPrefill {
  tables?: readonly string[];
  permissions?: readonly Permission[];
  reason?: string;
  columns?: ColumnFilter;
  consumerAccountId?: string;
  queryRoles?: readonly string[];
}

export interface RequestModalInput {
  product: DataProduct;
  /** The consumer accounts the user may request for. */
  consumerAccounts: readonly string[];
  prefill?: RequestPrefill;
}

/** The reason may be up to 4,096 characters in the record, but Slack's text input stops at 3,000. */
const REASON_MAX = L.plainTextInputMax;

/**
 * The request modal: tables (checkboxes up to 10, a multi-select up to 100, a searched
 * `multi_external_select` beyond), the offered permissions, a required reason, optional columns and,
 * when the user acts for several, the consumer account.
 */
export function buildRequestModal(input_: RequestModalInput): ModalView {
  const { product, consumerAccounts, prefill = {} } = input_;
  const longTables = longTableNames(product.tables);
  const single = consumerAccounts.length === 1 ? consumerAccounts[0] : undefined;
  const metadata = encodeMetadata({
    productId: product.id,
    ...(single !== undefined ? { consumerAccountId: single } : {}),
    ...(longTables.length > 0 ? { longTables } : {}),
  });
  const base: ModalView = {
    type: 'modal',
    callback_id: VIEWS.request,
    private_metadata: metadata,
    title: plain('Request access', L.viewTitle),
    close: plain('Cancel', L.viewButton),
    blocks: [],
  };
  const intro = productIntro(product);
  if (consumerAccounts.length === 0) {
    return {
      ...base,
      close: plain('Close', L.viewButton),
      blocks: [
        ...intro,
        section(
          ':no_entry: You act for no consumer account, so you cannot request access yet. ' +
            `Ask a mesh admin to map you to your team's account, then try again (${code('/mesh whoami')} shows your accounts).`,
        ),
      ],
    };
  }
  if (product.tables.length === 0) {
    return { ...base, close: plain('Close', L.viewButton), blocks: [...intro, section(':hourglass_flowing_sand: This product has no tables yet. Try again after its next sync.')] };
  }
  const blocks: KnownBlock[] = [
    ...intro,
    tablesInput(product, longTables, prefill.tables ?? []),
    input({
      blockId: REQUEST_BLOCKS.permissions,
      label: 'Permissions',
      element: checkboxes(
        'permissions',
        product.offeredPermissions.map((p) => option(p, p, PERMISSION_HINTS[p])),
        prefill.permissions ?? (product.offeredPermissions.includes('SELECT') ? ['SELECT'] : []),
      ),
    }),
    input({
      blockId: REQUEST_BLOCKS.reason,
      label: 'Why do you need it?',
      element: textInput({
        actionId: 'reason',
        placeholder: 'What you will use the data for, and for how long',
        multiline: true,
        max: REASON_MAX,
        initial: prefill.reason,
      }),
      hint: 'The owners read this before deciding, and it stays on the record of the subscription.',
    }),
    input({
      blockId: REQUEST_BLOCKS.columns,
      label: 'Columns',
      optional: true,
      element: textInput({ actionId: 'columns', placeholder: 'e.g. cell_id, kpi_date — leave empty for every column', initial: columnsInitialText(prefill.columns) }),
      hint: 'Comma-separated column names. Asking only for what you need makes approval easier.',
    }),
    input({
      blockId: REQUEST_BLOCKS.columnsMode,
      label: 'The columns above are',
      optional: true,
      element: radios('columns_mode', COLUMN_MODE_OPTIONS, prefill.columns?.kind ?? 'include'),
    }),
    input({
      blockId: REQUEST_BLOCKS.queryRoles,
      label: 'Who will query',
      optional: true,
      element: textInput({ actionId: 'query_roles', placeholder: 'e.g. Analyst — leave empty for all of the account’s query roles', initial: prefill.queryRoles?.join(', ') }),
      hint: 'IAM roles of the consumer account (names or ARNs, comma-separated) that get the access.',
    }),
  ];
  if (single === undefined) {
    const options = consumerAccounts.slice(0, L.staticOptions).map((a) => option(a, a));
    const initial = options.find((o) => o.value === prefill.consumerAccountId);
    blocks.push(
      input({
        blockId: REQUEST_BLOCKS.account,
        label: 'For account',
        element: {
          type: 'static_select',
          action_id: 'account',
          placeholder: plain('Choose the consumer account', L.placeholder),
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
        hint: 'Lake Formation grants to this account; its resource links appear in its catalog.',
      }),
    );
  } else {
    blocks.push(context(`For account ${code(single)}, the one you act for as a consumer.`));
  }
  return { ...base, submit: plain('Send request', L.viewButton), blocks };
}

function productIntro(product: DataProduct): KnownBlock[] {
  const owners = joinCapped(product.owners.map((o) => mention(o).mrkdwn), ', ', 300, 3);
  const description = product.description ? `\n${escapeMrkdwn(truncate(product.description, 300))}` : '';
  return [
    section(`${productNameText(product)}${description}`),
    context(`${plural(product.tables.length, 'table')} · account ${code(product.producerAccountId)} · owned by ${owners}`),
  ];
}

function tablesInput(product: DataProduct, longTables: readonly string[], prefill: readonly string[]): KnownBlock {
  const tables = product.tables;
  const known = new Set(tables);
  const prefilled = [...new Set(prefill)].filter((t) => known.has(t));
  const initial = prefilled.map((t) => tableOptionValue(t, longTables)).filter((v): v is string => v !== undefined);
  const label = 'Tables';
  if (tables.length <= L.checkboxOptions) {
    return input({ blockId: REQUEST_BLOCKS.tables, label, element: checkboxes('tables', tableOptions(tables, longTables), initial) });
  }
  if (tables.length <= L.staticOptions) {
    const options = tableOptions(tables, longTables);
    const wanted = new Set(initial);
    const chosen = options.filter((o) => o.value !== undefined && wanted.has(o.value));
    return input({
      blockId: REQUEST_BLOCKS.tables,
      label,
      element: {
        type: 'multi_static_select',
        action_id: 'tables',
        placeholder: plain(`Choose among ${tables.length} tables`, L.placeholder),
        options,
        ...(chosen.length > 0 ? { initial_options: chosen } : {}),
      },
    });
  }
  // More than Slack lists in a static menu: the bot answers the typed text (buildTableSearchOptions).
  const chosen = tableOptions(prefilled.slice(0, L.staticOptions), longTables);
  return input({
    blockId: REQUEST_BLOCKS.tables,
    label,
    element: {
      type: 'multi_external_select',
      action_id: ACTIONS.requestTablesSearch,
      placeholder: plain(`Type to search ${tables.length.toLocaleString('en-US')} tables`, L.placeholder),
      min_query_length: 0,
      ...(chosen.length > 0 ? { initial_options: chosen } : {}),
    },
    hint: 'Start typing a table name; matching tables appear as you type.',
  });
}
