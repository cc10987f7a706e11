import type { ServiceOperations } from '../operation';
import { createKey, describeKey, getKeyPolicy, putKeyPolicy } from './key-operations';

// Sources: AWS KMS API Reference, "Actions" (CreateKey, DescribeKey, GetKeyPolicy, PutKeyPolicy); the
// rules are cited in key-operations.ts and kms-keys.ts.

/** The emulated operations of AWS KMS, by API name (awsJson1_1, `X-Amz-Target: TrentService.<Op>`). */
export const kmsOperations: ServiceOperations = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
};
