import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ROLE_NAMES, roleArn } from '../src/mesh/domain/account-roles';
import { DATA_ACCESS_ACTION, QUERY_GLUE_ACTIONS, proofResultsBucket } from '../src/mesh/domain/query-access';

/**
 * What each Meshbot role may do in IAM terms, one function per role, derived from the AWS calls the
 * mesh service makes as that role (src/mesh/aws, src/mesh/service). IAM only opens the door: Lake
 * Formation decides which databases and tables each role may see, create or grant.
 *
 * ARNs use the `aws` partition, as `roleArn()` in src/mesh/domain/account-roles.ts does.
 */

/**
 * Actions that have no resource-level permissions, so IAM accepts only `"Resource": "*"` for them:
 * every Lake Formation permission API, and the RAM and Organizations calls that list or look up.
 * The infra tests allow `*` resources for these actions and no others.
 */
export const RESOURCE_STAR_ACTIONS: readonly string[] = [
  'lakeformation:GetDataLakeSettings',
  'lakeformation:ListPermissions',
  'lakeformation:GrantPermissions',
  'lakeformation:RevokePermissions',
  'lakeformation:BatchGrantPermissions',
  'lakeformation:BatchRevokePermissions',
  'lakeformation:RegisterResource',
  'lakeformation:ListResources',
  'lakeformation:DescribeResource',
  // Vends a query principal the credentials of a table's registered location.
  DATA_ACCESS_ACTION,
  'ram:GetResourceShareInvitations',
  'ram:ListResources',
  'ram:GetResourceShares',
  // Conditioned on the requested resource type (Glue catalog objects only).
  'ram:CreateResourceShare',
  'organizations:DescribeOrganization',
];

/** The Glue Data Catalog of an account: the catalog, its databases and their tables. */
export function catalogArns(region: string, accountId: string): string[] {
  const base = `arn:aws:glue:${region}:${accountId}`;
  return [`${base}:catalog`, `${base}:database/*`, `${base}:table/*/*`];
}

const GLUE_READ = ['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables'];

/** What mirroring a table's partitions into the mesh does: list them, then create, update and delete in batches. */
const PARTITION_MIRROR = ['glue:GetPartitions', 'glue:BatchCreatePartition', 'glue:BatchUpdatePartition', 'glue:BatchDeletePartition'];

const LF_GRANTS = [
  'lakeformation:GrantPermissions',
  'lakeformation:RevokePermissions',
  'lakeformation:BatchGrantPermissions',
  'lakeformation:BatchRevokePermissions',
  'lakeformation:ListPermissions',
  'lakeformation:GetDataLakeSettings',
];

/** Where the roles act: the mesh account and region. */
export interface MeshSite {
  region: string;
  meshAccountId: string;
}

/** Accept the mesh account's RAM share invitations, and no one else's. */
function acceptMeshInvitations({ meshAccountId }: MeshSite): PolicyStatement[] {
  return [
    // GetResourceShares (OTHER-ACCOUNTS) tells whether a share without an invitation is usable yet.
    new PolicyStatement({ sid: 'ReadShareInvitations', actions: ['ram:GetResourceShareInvitations', 'ram:GetResourceShares'], resources: ['*'] }),
    new PolicyStatement({
      sid: 'AcceptMeshInvitationsOnly',
      actions: ['ram:AcceptResourceShareInvitation'],
      resources: ['arn:aws:ram:*:*:resource-share-invitation/*'],
      conditions: { StringEquals: { 'ram:ShareOwnerAccountId': meshAccountId } },
    }),
  ];
}

/**
 * MeshbotMeshAdmin (mesh): the mesh catalog's data lake administrator — read the catalog, manage
 * grants, register the producers' S3 locations with MeshbotDataAccess as the role Lake Formation uses
 * for them (RegisterResource with a RoleArn needs iam:PassRole on it: "Requirements for roles used to
 * register locations", Lake Formation developer guide), and ask IAM whether that role could read a
 * producer's bucket given its bucket policy (SimulatePrincipalPolicy) before registering it.
 */
export function meshAdminStatements({ region, meshAccountId }: MeshSite): PolicyStatement[] {
  return [
    new PolicyStatement({ sid: 'ReadMeshCatalog', actions: GLUE_READ, resources: catalogArns(region, meshAccountId) }),
    new PolicyStatement({ sid: 'ManageLakeFormationGrants', actions: LF_GRANTS, resources: ['*'] }),
    new PolicyStatement({ sid: 'RegisterDataLocations', actions: ['lakeformation:RegisterResource', 'lakeformation:ListResources', 'lakeformation:DescribeResource'], resources: ['*'] }),
    new PolicyStatement({
      sid: 'PassDataAccessRoleToLakeFormation',
      actions: ['iam:PassRole'],
      resources: [roleArn(meshAccountId, ROLE_NAMES.dataAccess)],
      conditions: { StringEquals: { 'iam:PassedToService': 'lakeformation.amazonaws.com' } },
    }),
    new PolicyStatement({ sid: 'CheckDataAccessRoleReads', actions: ['iam:SimulatePrincipalPolicy'], resources: [roleArn(meshAccountId, ROLE_NAMES.dataAccess)] }),
  ];
}

/**
 * MeshbotDataAccess (mesh): what Lake Formation may do with the producers' data when it reads a
 * registered location for a querier — read and write objects, list buckets — limited to buckets of
 * the producer accounts (`aws:ResourceAccount`), and their KMS keys through S3 only. Each producer's
 * bucket policy must also allow this role ("Registering an Amazon S3 location in another AWS account").
 */
export function dataAccessStatements({ producerAccountIds, region }: { producerAccountIds: readonly string[]; region: string }): PolicyStatement[] {
  const inProducers = { StringEquals: { 'aws:ResourceAccount': [...producerAccountIds] } };
  return [
    new PolicyStatement({ sid: 'ReadWriteProducerObjects', actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: ['arn:aws:s3:::*/*'], conditions: inProducers }),
    new PolicyStatement({ sid: 'ListProducerBuckets', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: ['arn:aws:s3:::*'], conditions: inProducers }),
    new PolicyStatement({
      sid: 'UseProducerKeysThroughS3',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: producerAccountIds.map((account) => `arn:aws:kms:${region}:${account}:key/*`),
      conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
    }),
  ];
}

/** MeshbotMeshReadOnly (mesh): describe products published with public metadata (Lake Formation DESCRIBE decides which). */
export function meshReadOnlyStatements({ region, meshAccountId }: MeshSite): PolicyStatement[] {
  return [new PolicyStatement({ sid: 'ReadMeshCatalog', actions: GLUE_READ, resources: catalogArns(region, meshAccountId) })];
}

/**
 * MeshbotProducer-<producer> (mesh): mirror the producer's tables into the mesh catalog, grant them
 * to consumers and back to the producer, find the RAM share a grant created.
 */
export function producerInMeshStatements({ region, meshAccountId }: MeshSite): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'MirrorIntoMeshCatalog',
      // Publishing mirrors the source tables' partitions too, in batches (src/mesh/aws/glue-partitions.ts).
      actions: [...GLUE_READ, 'glue:CreateDatabase', 'glue:CreateTable', 'glue:UpdateTable', ...PARTITION_MIRROR],
      resources: catalogArns(region, meshAccountId),
    }),
    new PolicyStatement({ sid: 'GrantAndRevoke', actions: LF_GRANTS, resources: ['*'] }),
    new PolicyStatement({ sid: 'FindShares', actions: ['ram:ListResources', 'ram:GetResourceShares'], resources: ['*'] }),
    // A grant to another account makes Lake Formation create or extend a RAM share as the caller.
    new PolicyStatement({
      sid: 'CreateCatalogShares',
      actions: ['ram:CreateResourceShare'],
      resources: ['*'],
      conditions: { StringLikeIfExists: { 'ram:RequestedResourceType': ['glue:Table', 'glue:Database', 'glue:Catalog'] } },
    }),
    new PolicyStatement({
      sid: 'ManageLakeFormationShares',
      actions: ['ram:UpdateResourceShare', 'ram:DeleteResourceShare', 'ram:AssociateResourceShare', 'ram:DisassociateResourceShare', 'ram:AssociateResourceSharePermission'],
      resources: [`arn:aws:ram:${region}:${meshAccountId}:resource-share/*`],
      conditions: { StringLike: { 'ram:ResourceShareName': 'LakeFormation*' } },
    }),
    // The share also gets Lake Formation's RAM managed permission: IAM checks the permission's ARN as well
    // as the share's, and allows it only for AWSRAMLFEnabled* (AWS managed policy AWSLakeFormationCrossAccountManager).
    new PolicyStatement({ sid: 'AttachLakeFormationSharePermissions', actions: ['ram:AssociateResourceSharePermission'], resources: ['arn:aws:ram::aws:permission/AWSRAMLFEnabled*'] }),
    new PolicyStatement({ sid: 'TellOrganizationShares', actions: ['organizations:DescribeOrganization'], resources: ['*'] }),
  ];
}

/**
 * MeshbotProducer (producer account): read the source catalog, create `<table>_link` resource links
 * to the mesh tables in it, accept the mesh account's share, check the data lake settings, and read
 * the policies of the account's own buckets (publish checks that the mesh may read the published locations).
 */
export function producerStatements(site: MeshSite & { accountId: string }): PolicyStatement[] {
  return [
    // Publishing reads the source tables' partitions to mirror them.
    new PolicyStatement({ sid: 'ReadSourceAndCreateLinks', actions: [...GLUE_READ, 'glue:GetPartitions', 'glue:CreateTable'], resources: catalogArns(site.region, site.accountId) }),
    new PolicyStatement({ sid: 'ResolveLinksToMesh', actions: GLUE_READ, resources: catalogArns(site.region, site.meshAccountId) }),
    new PolicyStatement({ sid: 'ReadDataLakeSettings', actions: ['lakeformation:GetDataLakeSettings', 'lakeformation:ListPermissions'], resources: ['*'] }),
    new PolicyStatement({
      sid: 'ReadOwnBucketPolicies',
      actions: ['s3:GetBucketPolicy', 's3:GetEncryptionConfiguration'],
      resources: ['arn:aws:s3:::*'],
      conditions: { StringEquals: { 'aws:ResourceAccount': site.accountId } },
    }),
    new PolicyStatement({ sid: 'ReadOwnKeyPolicies', actions: ['kms:GetKeyPolicy'], resources: [`arn:aws:kms:${site.region}:${site.accountId}:key/*`] }),
    ...acceptMeshInvitations(site),
  ];
}

/**
 * MeshbotConsumer (consumer account): accept the mesh account's share, create and delete resource
 * links (a database link, or `<mesh db>_tables` with table links), grant DESCRIBE on them to itself
 * and the account's query principals, check that a query principal holds what querying needs.
 */
export function consumerStatements(site: MeshSite & { accountId: string }): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'ManageResourceLinks',
      actions: [...GLUE_READ, 'glue:CreateDatabase', 'glue:CreateTable', 'glue:DeleteDatabase', 'glue:DeleteTable', 'glue:BatchDeleteTable'],
      // Deleting a database covers its functions too (IAM checks them), though links have none.
      resources: [...catalogArns(site.region, site.accountId), `arn:aws:glue:${site.region}:${site.accountId}:userDefinedFunction/*/*`],
    }),
    new PolicyStatement({ sid: 'ResolveLinksToMesh', actions: GLUE_READ, resources: catalogArns(site.region, site.meshAccountId) }),
    new PolicyStatement({ sid: 'GrantOnLinks', actions: LF_GRANTS, resources: ['*'] }),
    // Before the bot records a query principal of this account it checks that the role exists and
    // that its policies allow QUERY_CHECKED_ACTIONS (src/mesh/domain/query-access.ts): GetRole, then
    // SimulatePrincipalPolicy on it. Both are reads, limited to this account's roles.
    new PolicyStatement({ sid: 'CheckQueryPrincipals', actions: ['iam:GetRole', 'iam:SimulatePrincipalPolicy'], resources: [`arn:aws:iam::${site.accountId}:role/*`] }),
    ...acceptMeshInvitations(site),
  ];
}

/** What a query principal runs Athena with: start a query, follow it, read its results, in this account's workgroups. */
export const QUERY_ATHENA_ACTIONS = ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'athena:GetWorkGroup'];

/**
 * What Athena does with the caller's own credentials in the proof work group's results bucket (Athena
 * User Guide, "Access to Amazon S3" for query results): find the bucket, write the result and its
 * metadata, read them back for GetQueryResults, clean up multipart uploads.
 */
const RESULTS_BUCKET_ACTIONS = ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'];
const RESULTS_OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'];

/**
 * A consumer account's query principal (an IAM role that runs Athena queries; the stack attaches these
 * as the inline policy QUERY_ACCESS_POLICY): what a principal needs on the IAM side to read a table
 * shared with its account, per the Lake Formation Developer Guide, "Accessing the underlying data of a
 * shared table" (https://docs.aws.amazon.com/lake-formation/latest/dg/cross-account-read-data.html):
 * `lakeformation:GetDataAccess`, and Glue reads on the shared table, its database and the owner's
 * catalog — the mesh account's here — and on the resource links in the account's own catalog. Athena's
 * own actions on the account's workgroups complete it. Lake Formation grants (made by the bot) still
 * decide which tables the role reads; The proof work group's results bucket (PROOF_WORK_GROUP) is the one S3 location it needs; other
 * results locations stay the account's own.
 */
export function queryAccessStatements(site: MeshSite & { accountId: string }): PolicyStatement[] {
  return [
    // No resource types in the Service Authorization Reference: IAM accepts only "*".
    new PolicyStatement({ sid: 'GetLakeFormationDataAccess', actions: [DATA_ACCESS_ACTION], resources: ['*'] }),
    new PolicyStatement({ sid: 'ReadResourceLinks', actions: [...QUERY_GLUE_ACTIONS], resources: catalogArns(site.region, site.accountId) }),
    new PolicyStatement({ sid: 'ReadSharedMeshTables', actions: [...QUERY_GLUE_ACTIONS], resources: catalogArns(site.region, site.meshAccountId) }),
    new PolicyStatement({ sid: 'RunAthenaQueries', actions: QUERY_ATHENA_ACTIONS, resources: [`arn:aws:athena:${site.region}:${site.accountId}:workgroup/*`] }),
    new PolicyStatement({ sid: 'ProofResultsBucket', actions: RESULTS_BUCKET_ACTIONS, resources: [`arn:aws:s3:::${proofResultsBucket(site.accountId, site.region)}`] }),
    new PolicyStatement({ sid: 'ProofResultsObjects', actions: RESULTS_OBJECT_ACTIONS, resources: [`arn:aws:s3:::${proofResultsBucket(site.accountId, site.region)}/*`] }),
  ];
}
