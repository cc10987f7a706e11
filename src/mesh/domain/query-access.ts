/**
 * What a consumer account's query principal needs on the IAM side to read a shared table (Lake
 * Formation Developer Guide, "Accessing the underlying data of a shared table":
 * https://docs.aws.amazon.com/lake-formation/latest/dg/cross-account-read-data.html). One source for
 * the consumer stack (which attaches them) and the bot (which checks them when an account is enabled).
 */

/** The inline policy the consumer stack puts on each query role. */
export const QUERY_ACCESS_POLICY = 'MeshbotQueryAccess';

/** Lake Formation vends the table's data credentials with this action. */
export const DATA_ACCESS_ACTION = 'lakeformation:GetDataAccess';

/** Glue reads a query engine makes on the link, the shared table, their databases and catalogs. */
export const QUERY_GLUE_ACTIONS = ['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'] as const;

/** The actions the bot simulates for a query principal before it records it. */
export const QUERY_CHECKED_ACTIONS = [DATA_ACCESS_ACTION, 'glue:GetTable', 'glue:GetPartitions'] as const;

/**
 * The Athena work group the post-grant proof runs in, in each consumer account: the consumer stack
 * creates it with an enforced results location in `proofResultsBucket`, so a proof never depends on a
 * person's own work group settings (Athena User Guide, "Override client-side settings").
 */
export const PROOF_WORK_GROUP = 'meshbot-proof';

/** The S3 bucket of a consumer account where the proof work group writes query results. */
export function proofResultsBucket(accountId: string, region: string): string {
  return `meshbot-proof-results-${accountId}-${region}`;
}
