import { SimulatePrincipalPolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { GetKeyPolicyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { GetBucketEncryptionCommand, GetBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';
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

/** The customer managed KMS key a bucket encrypts new objects with by default (key id or ARN), if any. */
export async function bucketDefaultKey(s3: S3Client, bucket: string, site: Omit<AwsCallSite, 'doing'>): Promise<string | undefined> {
  return callAws({ ...site, doing: `read the default encryption of ${bucket}` }, async () => {
    const answer = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    const rule = answer.ServerSideEncryptionConfiguration?.Rules?.find((r) => r.ApplyServerSideEncryptionByDefault !== undefined);
    const byDefault = rule?.ApplyServerSideEncryptionByDefault;
    // SSE-S3, or the AWS managed key (aws/s3, no key id given): no key policy of the producer's to check.
    return byDefault?.SSEAlgorithm?.startsWith('aws:kms') === true ? byDefault.KMSMasterKeyID : undefined;
  });
}

/** A KMS key's policy (GetKeyPolicy, policy name `default`, the only one: AWS KMS API Reference), as the key's account reads it. */
export async function readKeyPolicy(kms: KMSClient, keyId: string, site: Omit<AwsCallSite, 'doing'>): Promise<string | undefined> {
  return callAws({ ...site, doing: `read the key policy of KMS key ${keyId}` }, async () => (await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }))).Policy);
}
