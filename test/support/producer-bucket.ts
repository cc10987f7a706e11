import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { bucketReadStatement } from '../../infra/bucket-read-statement';
import { SANDBOX_ACCOUNTS } from '../../src/sandbox/seed/sandbox-accounts';
import type { TestEmulator } from '../sandbox/aws/start-test-emulator';

/**
 * Create a bucket in the producer account, as its admin, with the deploy guide's statement letting
 * the mesh's MeshbotDataAccess read it — what a producer does before publishing tables that lie there.
 */
export async function createProducerBucket(emu: TestEmulator, bucket: string): Promise<void> {
  const s3 = new S3Client({ ...emu.clientConfig('producer'), forcePathStyle: true });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const statement = bucketReadStatement({ meshAccountId: SANDBOX_ACCOUNTS.mesh.id, bucket, prefix: '' });
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) }));
  } finally {
    s3.destroy();
  }
}
