import { z } from 'zod';

/**
 * The emulator's whole state: accounts and their identities, per-account Glue catalogs and Lake
 * Formation settings, Lake Formation permissions, RAM shares and invitations. Plain JSON, so a
 * snapshot is `JSON.stringify(world)` and a persisted file is parsed back with `WorldSchema`.
 */

const AccountId = z.string().regex(/^\d{12}$/);

export const TrustPolicySchema = z.object({
  /** Principals allowed to assume the role: account ids (any identity of that account) or IAM ARNs. */
  principals: z.array(z.string()),
  /** Whether the trust policy allows `sts:SetSourceIdentity`. */
  allowSourceIdentity: z.boolean(),
  /** Whether assuming the role without a `SourceIdentity` is refused (condition `sts:SourceIdentity` present). */
  requireSourceIdentity: z.boolean(),
});

export const RoleSchema = z.object({
  name: z.string(),
  arn: z.string(),
  trust: TrustPolicySchema,
  /** Seconds; AssumeRole's `DurationSeconds` may not exceed it (role chaining caps at 3,600). */
  maxSessionDuration: z.number().int(),
});

export const AccountSchema = z.object({
  id: AccountId,
  name: z.string(),
  /** The seeded admin IAM user of the account (its long-lived keys are listed by /_sandbox/accounts). */
  adminUser: z.object({ userName: z.string(), arn: z.string(), accessKeyId: z.string(), secretAccessKey: z.string() }),
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

export const CatalogSchema = z.object({
  databases: z.record(z.string(), z.object({ database: GlueDatabaseSchema, tables: z.record(z.string(), GlueTableSchema) })),
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
  /** Added to the wall clock by `/_sandbox/clock/advance`. */
  clockOffsetMs: z.number(),
  /** Monotonic counter for ids the emulator mints (versions, grant ids, share ids). */
  sequence: z.number().int(),
});

export type TrustPolicy = z.infer<typeof TrustPolicySchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type Credential = z.infer<typeof CredentialSchema>;
export type GlueTable = z.infer<typeof GlueTableSchema>;
export type GlueDatabase = z.infer<typeof GlueDatabaseSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
export type DataLakeSettings = z.infer<typeof DataLakeSettingsSchema>;
export type PermissionGrant = z.infer<typeof PermissionGrantSchema>;
export type ResourceShare = z.infer<typeof ResourceShareSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type World = z.infer<typeof WorldSchema>;
