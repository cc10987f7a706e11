import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { deniedByRolePolicies, readBucketPolicy, type BucketPolicy } from '../../aws/bucket-read-check';
import type { AwsCallSite } from '../../aws/translate-aws-error';
import { bucketPolicyNames } from './bucket-policy-principals';

/** Where the check runs: the producer's role reads its buckets' policies, the mesh admin asks IAM about the data access role. */
export interface LocationReadSides {
  producer: { s3: S3Client; site: Omit<AwsCallSite, 'doing'> };
  mesh: { iam: IAMClient; site: Omit<AwsCallSite, 'doing'> };
  /** The role the locations are (or will be) registered with, in the mesh account. */
  dataAccessRoleArn: string;
}

/** `arn:aws:s3:::bucket/a/b` → bucket and path (`a/b`); undefined for anything else. */
function bucketAndPath(arn: string): { bucket: string; path: string } | undefined {
  const match = /^arn:aws:s3:::([^/]+)\/?(.*)$/s.exec(arn);
  return match?.[1] ? { bucket: match[1], path: (match[2] ?? '').replace(/^\/+|\/+$/g, '') } : undefined;
}

const uri = (bucket: string, path: string): string => `s3://${bucket}/${path}`;

/**
 * Why Lake Formation in the mesh account could not read these locations (ARNs) with the data access
 * role, one sentence each (empty: none found): the bucket is missing; it has no policy, or one that
 * names neither the role nor its account (a registration in another account works only once the
 * bucket policy lets the role in: Lake Formation Developer Guide, "Registering an Amazon S3 location in
 * another AWS account"); or the role's own IAM policies do not allow listing the bucket and reading
 * under the location (IAM's simulator). Each bucket's policy is read once, as the producer's role
 * (GetBucketPolicy is for the owner's account only).
 */
export async function unreadableLocations(sides: LocationReadSides, locations: readonly string[], bucketOwnerAccountId: string): Promise<string[]> {
  const problems: string[] = [];
  const policies = new Map<string, BucketPolicy>();
  const role = sides.dataAccessRoleArn;
  for (const arn of locations) {
    const location = bucketAndPath(arn);
    if (!location) continue;
    const { bucket, path } = location;
    let policy = policies.get(bucket);
    if (policy === undefined) {
      policy = await readBucketPolicy(sides.producer.s3, bucket, sides.producer.site);
      policies.set(bucket, policy);
    }
    if (policy.kind === 'no-bucket') {
      problems.push(`bucket ${bucket} of ${uri(bucket, path)} does not exist in account ${bucketOwnerAccountId}`);
      continue;
    }
    if (policy.kind === 'none') {
      problems.push(`bucket ${bucket} has no bucket policy, so Lake Formation in the mesh account (as ${role}) cannot read ${uri(bucket, path)}`);
      continue;
    }
    if (!bucketPolicyNames(policy.text, role)) {
      problems.push(`the policy of bucket ${bucket} names neither ${role} nor its account, so Lake Formation in the mesh account cannot read ${uri(bucket, path)}`);
      continue;
    }
    const denied = await deniedByRolePolicies(sides.mesh.iam, { roleArn: role, bucket, path, bucketOwnerAccountId }, sides.mesh.site);
    if (denied.length > 0) problems.push(`IAM does not let ${role} ${denied.join(' and ')} ${uri(bucket, path)} (its own policies); deploy the mesh stack with this producer in producerAccountIds`);
  }
  return problems;
}
