import { ROLE_NAMES, roleArn } from '../src/mesh/domain/account-roles';

/** Where a producer's published data is: its bucket and the key prefix under it (`''` for all of it). */
export interface PublishedBucket {
  meshAccountId: string;
  bucket: string;
  /** Key prefix of the published tables, e.g. `telco/`; empty for the whole bucket. */
  prefix: string;
}

/**
 * The reviewed statement a producer adds to the existing policy of each published bucket (never a
 * policy of its own: a CloudFormation bucket policy replaces the whole policy), so that Lake Formation
 * in the mesh account can read the registered location as MeshbotDataAccess ("Registering an Amazon
 * S3 location in another AWS account": https://docs.aws.amazon.com/lake-formation/latest/dg/register-cross-account.html).
 * One source for the deploy guide's JSON (a test compares them) and the sandbox's producer bucket.
 */
export function bucketReadStatement({ meshAccountId, bucket, prefix }: PublishedBucket): Record<string, unknown> {
  return {
    Sid: 'MeshbotLakeFormationReads',
    Effect: 'Allow',
    Principal: { AWS: roleArn(meshAccountId, ROLE_NAMES.dataAccess) },
    Action: ['s3:GetObject', 's3:ListBucket'],
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/${prefix}*`],
  };
}
