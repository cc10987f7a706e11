import type * as z from 'zod';
import { type CallContext, type Operation, operation } from '../operation';
import { requireContentSha256 } from './s3-payload';
import type { S3Reply } from './s3-reply';
import type { S3Request } from './s3-request';

// Sources: Amazon S3 API Reference, "Common Request Headers" (x-amz-content-sha256 required for SigV4)
// and "Error responses".

/** An S3 operation: refuses a request without `x-amz-content-sha256` (as S3 does), then answers an `S3Reply`. */
export function s3Operation<S extends z.ZodType<S3Request>>(input: S, handle: (ctx: CallContext, input: z.infer<S>) => S3Reply): Operation<S> {
  return operation(input, (ctx, request) => {
    requireContentSha256(request);
    return handle(ctx, request);
  });
}
