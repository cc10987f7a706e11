import { SimulatePrincipalPolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { GetBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';
import { errorCode } from './aws-call-error';
import { callAws, type AwsCallSite } from './translate-aws-error';

/** A bucket's policy as its owner's role reads it: the JSON text, none set, or no such bucket. */
export type BucketPolicy = { kind: 'policy'; text: string } | { kind: 'none' } | { kind: 'no-bucket' };

/**
 * Read a bucket's policy (S3 GetBucketPolicy, which only the bucket owner's account may call):
 * `NoSuchBucketPolicy` means none is set, `NoSuchBucket` that the bucket does not exist (S3 API
 * Reference, GetBucketPolicy and "Error responses"); other refusals are thrown as AwsRefusedError.
 */
export async function readBucketPolicy(s3: S3Client, bucket: string, site: Omit<AwsCallSite, 'doing'>): Promise<BucketPolicy> {
  return callAws({ ...site, doing: `read the bucket policy of ${bucket}` }, async () => {
    try {
      const { Policy } = await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }));
      return Policy === undefined ? { kind: 'none' } : { kind: 'policy', text: Policy };
    } catch (error) {
      if (errorCode(error) === 'NoSuchBucketPolicy') return { kind: 'none' };
      if (errorCode(error) === 'NoSuchBucket') return { kind: 'no-bucket' };
      throw error;
    }
  });
}

/** A read Lake Formation makes of a registered location with its role: list the bucket, get the objects under the path. */
export interface LocationRead {
  /** The role the location is registered with (MeshbotDataAccess), in the account of `iam`. */
  roleArn: string;
  bucket: string;
  /** Prefix without slashes at either end; '' for the whole bucket. */
  path: string;
  bucketOwnerAccountId: string;
}

/**
 * Which of `s3:ListBucket` (on the bucket) and `s3:GetObject` (under the path) the role's own IAM
 * policies do not allow, as IAM's simulator answers for a request to a bucket of the owner's account
 * (`aws:ResourceAccount` given as a context entry, since an S3 ARN names no account). The bucket's
 * own policy cannot be part of this: the simulator evaluates resource policies for IAM users only
 * (IAM API Reference, SimulatePrincipalPolicy: "Simulation of resource-based policies isn't supported
 * for IAM roles").
 */
export async function deniedByRolePolicies(iam: IAMClient, read: LocationRead, site: Omit<AwsCallSite, 'doing'>): Promise<string[]> {
  const objects = read.path === '' ? `arn:aws:s3:::${read.bucket}/*` : `arn:aws:s3:::${read.bucket}/${read.path}/*`;
  const checks: [string, string][] = [
    ['s3:ListBucket', `arn:aws:s3:::${read.bucket}`],
    ['s3:GetObject', objects],
  ];
  return callAws({ ...site, doing: `check with IAM that ${read.roleArn} may read s3://${read.bucket}/${read.path}` }, async () => {
    const denied: string[] = [];
    for (const [action, resource] of checks) {
      const answer = await iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: read.roleArn,
          ActionNames: [action],
          ResourceArns: [resource],
          ContextEntries: [{ ContextKeyName: 'aws:ResourceAccount', ContextKeyValues: [read.bucketOwnerAccountId], ContextKeyType: 'string' }],
        }),
      );
      if ((answer.EvaluationResults ?? []).some((r) => r.EvalDecision !== 'allowed')) denied.push(action);
    }
    return denied;
  });
}
