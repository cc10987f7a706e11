import type { AccountClients } from '../../aws/aws-clients';
import { bucketDefaultKey, deniedByRolePolicies, readBucketPolicy, readKeyPolicy, type BucketPolicy } from '../../aws/bucket-read-check';
import type { AwsCallSite } from '../../aws/translate-aws-error';
import { bucketPolicyNames } from './bucket-policy-principals';
import { s3PathOfArn } from './source-locations';

/** Where the check runs: the producer's role reads its buckets' policies, the mesh admin asks IAM about the data access role. */
export interface LocationReadSides {
  producer: Pick<AccountClients, 's3' | 'kms'> & { site: Omit<AwsCallSite, 'doing'> };
  mesh: Pick<AccountClients, 'iam'> & { site: Omit<AwsCallSite, 'doing'> };
  /** The role the locations are (or will be) registered with, in the mesh account. */
  dataAccessRoleArn: string;
}

const uri = (bucket: string, path: string): string => `s3://${bucket}/${path}`;

/**
 * When the bucket encrypts with a customer managed key of the producer, whether its key policy names
 * the role or the mesh account: the key policy must allow a principal of another account, since IAM
 * policies alone never grant access to a KMS key (AWS KMS Developer Guide, "Key policies in AWS KMS";
 * Lake Formation Developer Guide, "Registering an encrypted Amazon S3 location across AWS accounts").
 * A key of another account cannot be read from here and is left to the first query. One sentence, or
 * undefined when nothing was found; each bucket's result is remembered in `seen`.
 */
async function keyPolicyProblem(sides: LocationReadSides, bucket: string, owner: string, seen: Map<string, string | undefined>): Promise<string | undefined> {
  if (seen.has(bucket)) return seen.get(bucket);
  const role = sides.dataAccessRoleArn;
  const key = await bucketDefaultKey(sides.producer.s3, bucket, sides.producer.site);
  const foreign = key?.startsWith('arn:') === true && key.split(':')[4] !== owner;
  let problem: string | undefined;
  if (key !== undefined && !foreign) {
    const policy = await readKeyPolicy(sides.producer.kms, key, sides.producer.site);
    if (policy === undefined || !bucketPolicyNames(policy, role)) {
      problem = `the policy of KMS key ${key}, which encrypts bucket ${bucket}, names neither ${role} nor its account, so Lake Formation in the mesh account cannot decrypt what it reads there`;
    }
  }
  seen.set(bucket, problem);
  return problem;
}

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
  const keys = new Map<string, string | undefined>();
  const role = sides.dataAccessRoleArn;
  for (const arn of locations) {
    const location = s3PathOfArn(arn);
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
    const keyProblem = await keyPolicyProblem(sides, bucket, bucketOwnerAccountId, keys);
    if (keyProblem !== undefined) {
      problems.push(keyProblem);
      continue;
    }
    const denied = await deniedByRolePolicies(sides.mesh.iam, { roleArn: role, bucket, path, bucketOwnerAccountId }, sides.mesh.site);
    if (denied.length > 0) problems.push(`IAM does not let ${role} ${denied.join(' and ')} ${uri(bucket, path)} (its own policies); deploy the mesh stack with this producer in producerAccountIds`);
  }
  // Two locations in one bucket share its policy and key: say each problem once.
  return [...new Set(problems)];
}
