import * as z from 'zod';

// Sources: AWS General Reference / IAM User Guide, "Signature Version 4 signing process" (Authorization
// header: Credential, SignedHeaders, Signature).

/** The parts of a SigV4 `Authorization` header. */
export const AuthorizationHeaderSchema = z.object({
  accessKeyId: z.string().min(1),
  date: z.string().regex(/^\d{8}$/),
  region: z.string().min(1),
  service: z.string().min(1),
  signedHeaders: z.array(z.string().min(1)).min(1),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

export type AuthorizationHeader = z.infer<typeof AuthorizationHeaderSchema>;

/**
 * Parse `AWS4-HMAC-SHA256 Credential=AKIA…/20240101/us-east-1/glue/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=ab12…`; undefined when it is not such a header.
 */
export function parseAuthorizationHeader(header: string): AuthorizationHeader | undefined {
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim());
  if (!match?.[1]) return undefined;
  const fields = new Map(
    match[1].split(',').map((part) => {
      const [key = '', ...rest] = part.trim().split('=');
      return [key, rest.join('=')] as const;
    }),
  );
  const [accessKeyId, date, region, service, terminator] = (fields.get('Credential') ?? '').split('/');
  if (terminator !== 'aws4_request') return undefined;
  const parsed = AuthorizationHeaderSchema.safeParse({
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: (fields.get('SignedHeaders') ?? '').split(';').filter((h) => h.length > 0),
    signature: fields.get('Signature'),
  });
  return parsed.success ? parsed.data : undefined;
}
