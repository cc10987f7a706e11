import * as z from 'zod';

// Sources: the SigV4 signing names of each service model (botocore service-2.json
// `metadata.signingName`).

/** The services the emulator speaks, by their SigV4 signing name. */
export const ServiceNameSchema = z.enum(['glue', 'iam', 'kms', 'lakeformation', 'ram', 's3', 'sts']);

export type ServiceName = z.infer<typeof ServiceNameSchema>;
