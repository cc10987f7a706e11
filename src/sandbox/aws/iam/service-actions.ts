import type { ServiceName } from '../service-name';
import type { ActionMapping } from './action-mapping';
import { glueActions } from './glue-actions';
import { iamActions } from './iam-actions';
import { kmsActions } from './kms-actions';
import { lakeFormationActions } from './lakeformation-actions';
import { ramActions } from './ram-actions';
import { s3Actions } from './s3-actions';
import { stsActions } from './sts-actions';

// Sources: Service Authorization Reference for AWS Glue, IAM, AWS KMS, AWS Lake Formation, AWS RAM,
// Amazon S3 and AWS STS; each mapping file cites its page.

/** Each service's mapping from an operation to its IAM checks. */
export const SERVICE_ACTIONS: Record<ServiceName, ActionMapping> = {
  glue: glueActions,
  iam: iamActions,
  kms: kmsActions,
  lakeformation: lakeFormationActions,
  ram: ramActions,
  s3: s3Actions,
  sts: stsActions,
};
