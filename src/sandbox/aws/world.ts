import * as z from 'zod';
import { ADMINISTRATOR_ACCESS, seedRole } from '../seed/seed-roles';

/**
 * The emulator's whole state: accounts and their identities, per-account Glue catalogs and Lake
 * Formation settings, Lake Formation permissions, RAM shares and invitations. Plain JSON, so a
 * snapshot is `JSON.stringify(world)` and a persisted file is parsed back with `WorldSchema`.
 */

const AccountId = z.string().regex(/^\d{12}$/);

/**
 * An IAM policy document as JSON (`{"Version":"2012-10-17","Statement":[…]}`): a role's trust or
 * inline policy, a user's policy. The grammar is checked by the IAM evaluation (iam/), not here.
 */
export const PolicyDocumentSchema = z.record(z.string(), z.unknown());

const RoleShape = z.object({
  name: z.string(),
  arn: z.string(),
  /** The role's trust policy (AssumeRolePolicyDocument). */
  trustPolicy: PolicyDocumentSchema,
  /** Inline identity policies by name. */
  policies: z.record(z.string(), PolicyDocumentSchema),
  /** Seconds; AssumeRole's `DurationSeconds` may not exceed it (role chaining caps at 3,600). */
  maxSessionDuration: z.number().int(),
  /** When the role was created (IAM GetRole's CreateDate), epoch ms on the emulator clock; absent until IAM first describes it. */
  createdAt: z.number().optional(),
});

/**
 * Worlds saved before IAM policies had `trust: {principals, allowSourceIdentity, requireSourceIdentity}`
 * and no identity policies: a seeded role gets the seed's trust and policies (what the CDK app
 * deploys), any other role a trust policy saying the same and no identity policy.
 */
function withPolicies(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'trustPolicy' in raw || !('trust' in raw)) return raw;
  const { trust, ...role } = raw as { trust: { principals?: string[]; allowSourceIdentity?: boolean; requireSourceIdentity?: boolean }; arn?: unknown };
  const seeded = typeof role.arn === 'string' ? seedRole(role.arn) : undefined;
  if (seeded) return { ...role, trustPolicy: seeded.trustPolicy, policies: seeded.policies };
  const actions = ['sts:AssumeRole', ...(trust.allowSourceIdentity === true ? ['sts:SetSourceIdentity'] : [])];
  const statement = {
    Effect: 'Allow',
    Principal: { AWS: trust.principals ?? [] },
    Action: actions,
    ...(trust.requireSourceIdentity === true && { Condition: { StringLike: { 'sts:SourceIdentity': '*' } } }),
  };
  return { ...role, trustPolicy: { Version: '2012-10-17', Statement: [statement] }, policies: {} };
}

export const RoleSchema = z.preprocess(withPolicies, RoleShape);

export const AccountSchema = z.object({
  id: AccountId,
  name: z.string(),
  /** The seeded admin IAM user of the account (its long-lived keys are listed by /_sandbox/accounts). */
  adminUser: z.object({
    userName: z.string(),
    arn: z.string(),
    accessKeyId: z.string(),
    secretAccessKey: z.string(),
    /** The user's identity policies by name; worlds saved before policies get AdministratorAccess, as the seed gives. */
    policies: z.record(z.string(), PolicyDocumentSchema).default(() => ({ AdministratorAccess: structuredClone(ADMINISTRATOR_ACCESS) })),
  }),
  roles: z.record(z.string(), RoleSchema),
});

/** Keys the emulator issued: long-lived user keys and temporary role-session keys. */
export const CredentialSchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  sessionToken: z.string().optional(),
  accountId: AccountId,
  /** ARN the caller is known by: `arn:aws:iam::A:user/N` or `arn:aws:sts::A:assumed-role/R/session`. */
  arn: z.string(),
  /** IAM principal the permissions attach to (Lake Formation principal): the user ARN or the role ARN. */
  principalArn: z.string(),
  roleName: z.string().optional(),
  sessionName: z.string().optional(),
  sourceIdentity: z.string().optional(),
  /** Epoch milliseconds on the emulator clock; absent for long-lived keys. */
  expiresAt: z.number().optional(),
});

export const ColumnSchema = z.object({
  Name: z.string(),
  Type: z.string().optional(),
  Comment: z.string().optional(),
  Parameters: z.record(z.string(), z.string()).optional(),
});

export const StorageDescriptorSchema = z
  .object({
    Columns: z.array(ColumnSchema).optional(),
    Location: z.string().optional(),
    InputFormat: z.string().optional(),
    OutputFormat: z.string().optional(),
    Compressed: z.boolean().optional(),
    NumberOfBuckets: z.number().optional(),
    SerdeInfo: z.record(z.string(), z.unknown()).optional(),
    BucketColumns: z.array(z.string()).optional(),
    SortColumns: z.array(z.record(z.string(), z.unknown())).optional(),
    Parameters: z.record(z.string(), z.string()).optional(),
    StoredAsSubDirectories: z.boolean().optional(),
  })
  .loose();

/** A Glue table as stored; field names follow the Glue API so answers are the stored object. */
export const GlueTableSchema = z
  .object({
    Name: z.string(),
    DatabaseName: z.string(),
    CatalogId: AccountId,
    Description: z.string().optional(),
    Owner: z.string().optional(),
    TableType: z.string().optional(),
    Parameters: z.record(z.string(), z.string()).optional(),
    StorageDescriptor: StorageDescriptorSchema.optional(),
    PartitionKeys: z.array(ColumnSchema).optional(),
    TargetTable: z.object({ CatalogId: z.string(), DatabaseName: z.string(), Name: z.string(), Region: z.string().optional() }).optional(),
    /** Epoch seconds, as the SDK parses Glue timestamps. */
    CreateTime: z.number(),
    UpdateTime: z.number(),
    VersionId: z.string(),
    CreatedBy: z.string().optional(),
  })
  .loose();

export const GlueDatabaseSchema = z
  .object({
    Name: z.string(),
    CatalogId: AccountId,
    Description: z.string().optional(),
    LocationUri: z.string().optional(),
    Parameters: z.record(z.string(), z.string()).optional(),
    TargetDatabase: z.object({ CatalogId: z.string(), DatabaseName: z.string(), Region: z.string().optional() }).optional(),
    CreateTime: z.number(),
    CreatedBy: z.string().optional(),
  })
  .loose();

/** A Glue partition as stored; field names follow the Glue API's `Partition`, so answers are the stored object. */
export const GluePartitionSchema = z
  .object({
    Values: z.array(z.string()),
    DatabaseName: z.string(),
    TableName: z.string(),
    CatalogId: AccountId,
    /** Epoch seconds, as the SDK parses Glue timestamps. */
    CreationTime: z.number(),
    LastAccessTime: z.number().optional(),
    LastAnalyzedTime: z.number().optional(),
    StorageDescriptor: StorageDescriptorSchema.optional(),
    Parameters: z.record(z.string(), z.string()).optional(),
  })
  .loose();

export const CatalogSchema = z.object({
  databases: z.record(
    z.string(),
    z.object({
      database: GlueDatabaseSchema,
      tables: z.record(z.string(), GlueTableSchema),
      /** By table name, then by the partition's values (`partitionKey`); absent in worlds saved before partitions. */
      partitions: z.record(z.string(), z.record(z.string(), GluePartitionSchema)).default({}),
    }),
  ),
});

export const DataLakeSettingsSchema = z
  .object({
    DataLakeAdmins: z.array(z.object({ DataLakePrincipalIdentifier: z.string() })),
    ReadOnlyAdmins: z.array(z.object({ DataLakePrincipalIdentifier: z.string() })).optional(),
    CreateDatabaseDefaultPermissions: z.array(z.record(z.string(), z.unknown())),
    CreateTableDefaultPermissions: z.array(z.record(z.string(), z.unknown())),
    Parameters: z.record(z.string(), z.string()),
    TrustedResourceOwners: z.array(z.string()).optional(),
    AllowExternalDataFiltering: z.boolean().optional(),
  })
  .loose();

/**
 * One Lake Formation grant: a principal's permissions (and grantable subset) on one resource of one
 * catalog. `resource` is the Lake Formation `Resource` union as sent on the wire, normalised with
 * its `CatalogId` filled in.
 */
export const PermissionGrantSchema = z.object({
  id: z.string(),
  /** The catalog that owns the resource. */
  catalogId: AccountId,
  /** `DataLakePrincipalIdentifier`: an account id, an IAM role/user ARN, or `IAM_ALLOWED_PRINCIPALS`. */
  principal: z.string(),
  resource: z.record(z.string(), z.unknown()),
  permissions: z.array(z.string()),
  grantable: z.array(z.string()),
  grantedBy: z.string(),
  grantedAt: z.number(),
});

/**
 * One association of a resource or principal with a RAM share. RAM associates asynchronously:
 * ASSOCIATING until `dueAt`, when the emulator completes it (access/share-association.ts).
 */
export const ShareAssociationSchema = z.object({
  status: z.enum(['ASSOCIATING', 'ASSOCIATED', 'DISASSOCIATED']),
  /** Epoch milliseconds on the emulator clock. */
  createdAt: z.number(),
  dueAt: z.number(),
  updatedAt: z.number(),
});

export const ResourceShareSchema = z.object({
  arn: z.string(),
  name: z.string(),
  ownerAccountId: AccountId,
  principals: z.array(z.string()),
  /** Glue resource ARNs: `arn:aws:glue:R:A:database/db` or `arn:aws:glue:R:A:table/db/t`. */
  resources: z.array(z.string()),
  status: z.enum(['PENDING', 'ACTIVE', 'FAILED', 'DELETING', 'DELETED']),
  allowExternalPrincipals: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** RAM's association of each resource, by ARN; absent in worlds saved before associations (those resources count as associated). */
  resourceAssociations: z.record(z.string(), ShareAssociationSchema).default({}),
  /** RAM's association of each principal (account id); absent as above. */
  principalAssociations: z.record(z.string(), ShareAssociationSchema).default({}),
  /** When the invitation this share owes its receiver is sent: once the association that owes it completes (epoch ms). */
  invitationDueAt: z.number().optional(),
});

export const InvitationSchema = z.object({
  arn: z.string(),
  resourceShareArn: z.string(),
  resourceShareName: z.string(),
  senderAccountId: AccountId,
  receiverAccountId: AccountId,
  status: z.enum(['PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED']),
  createdAt: z.number(),
});

/** One S3 object: its bytes (base64, as the world is JSON) and the metadata GetObject answers. */
export const S3ObjectSchema = z.object({
  key: z.string(),
  body: z.string(),
  size: z.number().int(),
  /** MD5 of the bytes in hex, unquoted (single-part uploads only). */
  etag: z.string(),
  /** Epoch milliseconds, whole seconds (S3's Last-Modified has second precision). */
  lastModified: z.number(),
  contentType: z.string().optional(),
  /** `x-amz-meta-*` headers, by lower-cased name without the prefix. */
  metadata: z.record(z.string(), z.string()).optional(),
  /** The additional checksum the uploader sent (`x-amz-checksum-crc32` …), answered on GetObject with checksum mode. */
  checksum: z.object({ algorithm: z.string(), value: z.string() }).optional(),
  serverSideEncryption: z.object({ algorithm: z.string(), kmsKeyId: z.string().optional() }).optional(),
});

/** An S3 bucket: names are global, each bucket belongs to the account that created it. */
export const BucketSchema = z.object({
  name: z.string(),
  ownerAccountId: AccountId,
  region: z.string(),
  createdAt: z.number(),
  /** The bucket policy as the owner put it (JSON text). */
  policy: z.string().optional(),
  /** The default encryption set by PutBucketEncryption; absent means S3's default, SSE-S3 (AES256). */
  encryption: z.object({ algorithm: z.string(), kmsKeyId: z.string().optional(), bucketKeyEnabled: z.boolean().optional() }).optional(),
  /** By key. */
  objects: z.record(z.string(), S3ObjectSchema),
});

/**
 * An AWS KMS customer managed key (KMS API Reference, CreateKey and KeyMetadata): symmetric, in the
 * world's Region, with its key policy as the JSON text the owner gave (or the default key policy,
 * kms/kms-keys.ts). Keys are never deleted by the emulator, so the state is always Enabled.
 */
export const KmsKeySchema = z.object({
  /** The key id, a UUID. */
  keyId: z.string(),
  /** `arn:aws:kms:<region>:<account>:key/<key id>`. */
  arn: z.string(),
  accountId: AccountId,
  description: z.string(),
  keyUsage: z.string(),
  keySpec: z.string(),
  /** The key policy (policy name `default`, the only one a key has), as JSON text. */
  policy: z.string(),
  /** Epoch milliseconds on the emulator clock. */
  createdAt: z.number(),
  state: z.enum(['Enabled']),
});

/** A Lake Formation data lake location (RegisterResource), as DescribeResource answers it. */
export const DataLocationSchema = z.object({
  /** `arn:aws:s3:::bucket[/prefix]`, as registered. */
  ResourceArn: z.string(),
  RoleArn: z.string(),
  UseServiceLinkedRole: z.boolean(),
  WithFederation: z.boolean().optional(),
  HybridAccessEnabled: z.boolean().optional(),
  WithPrivilegedAccess: z.boolean().optional(),
  ExpectedResourceOwnerAccount: z.string().optional(),
  /** Epoch milliseconds. */
  LastModified: z.number(),
  registeredBy: z.string(),
});

/**
 * RAM's default association delay, in ms on the emulator clock. AWS documents that associating takes
 * time (status ASSOCIATING, then ASSOCIATED) but not how long; two seconds is long enough that a
 * client which does not wait for ASSOCIATED meets the delay, and short enough to keep the sandbox
 * interactive. Tests not about RAM timing set 0.
 */
export const RAM_ASSOCIATION_DELAY_MS = 2_000;

/** A RAM association delay: whole milliseconds, 0 for none. */
export const RamAssociationDelaySchema = z.number().int().min(0);

export const WorldSchema = z.object({
  region: z.string(),
  /** An AWS Organization, when the accounts belong to one; with RAM sharing enabled, shares need no invitation. */
  organization: z.object({ accountIds: z.array(AccountId), ramSharingEnabled: z.boolean() }).nullable(),
  accounts: z.record(z.string(), AccountSchema),
  /** By access key id. */
  credentials: z.record(z.string(), CredentialSchema),
  /** By account id. */
  catalogs: z.record(z.string(), CatalogSchema),
  /** By account id. */
  dataLakeSettings: z.record(z.string(), DataLakeSettingsSchema),
  permissions: z.array(PermissionGrantSchema),
  resourceShares: z.array(ResourceShareSchema),
  invitations: z.array(InvitationSchema),
  /** S3 buckets by name (global); absent in worlds saved before S3. */
  buckets: z.record(z.string(), BucketSchema).default({}),
  /** KMS keys by owning account id, then key id; absent in worlds saved before KMS. */
  kmsKeys: z.record(z.string(), z.record(z.string(), KmsKeySchema)).default({}),
  /** Lake Formation registered locations by the registering account id; absent in worlds saved before them. */
  dataLocations: z.record(z.string(), z.array(DataLocationSchema)).default({}),
  /** How long RAM takes to associate a resource or principal with a share (`RAM_ASSOCIATION_DELAY_MS`); absent in worlds saved before it. */
  ramAssociationDelayMs: RamAssociationDelaySchema.default(RAM_ASSOCIATION_DELAY_MS),
  /** Added to the wall clock by `/_sandbox/clock/advance`. */
  clockOffsetMs: z.number(),
  /** Monotonic counter for ids the emulator mints (versions, grant ids, share ids). */
  sequence: z.number().int(),
});

export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type Credential = z.infer<typeof CredentialSchema>;
export type GlueTable = z.infer<typeof GlueTableSchema>;
export type GlueDatabase = z.infer<typeof GlueDatabaseSchema>;
export type GluePartition = z.infer<typeof GluePartitionSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
export type DataLakeSettings = z.infer<typeof DataLakeSettingsSchema>;
export type PermissionGrant = z.infer<typeof PermissionGrantSchema>;
export type ShareAssociation = z.infer<typeof ShareAssociationSchema>;
export type ResourceShare = z.infer<typeof ResourceShareSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type S3Object = z.infer<typeof S3ObjectSchema>;
export type Bucket = z.infer<typeof BucketSchema>;
export type KmsKey = z.infer<typeof KmsKeySchema>;
export type DataLocation = z.infer<typeof DataLocationSchema>;
export type World = z.infer<typeof WorldSchema>;
