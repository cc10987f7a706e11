import type { PolicyDocument } from '../world';

/**
 * One authorization IAM makes for a request: an action (`glue:GetTable`) on one resource ARN, as the
 * Service Authorization Reference lists the action's resource types. A call can need several (Glue
 * checks the catalog, the database and the table; a call through a resource link also checks its
 * target), and each must be allowed.
 */
export interface IamCheck {
  action: string;
  /** The resource ARN, or `*` for actions without resource-level permissions. */
  resource: string;
  /** The account that owns the resource (the caller's for `*`): another account's needs its resource policy to allow too. */
  resourceAccount: string;
  /** The resource's policy: a bucket policy, a role's trust policy, the one a RAM share stands for. */
  resourcePolicy?: PolicyDocument;
  /** Service condition keys of the request (`ram:ShareOwnerAccountId` …); global keys are added for every check. */
  context?: Record<string, string | string[]>;
  /** What the refusal names as the resource, where the service names another than the checked ARN (Lake Formation's catalog). */
  messageResource?: string;
  /**
   * Evaluated before the handler but not enforced: the handler reads the decision (`ctx.iam`) to
   * choose its answer, e.g. S3's NoSuchKey only for a caller who may list the bucket.
   */
  advisory?: boolean;
}

/** How IAM decided a check: allowed, or denied by which policy type and whether explicitly. */
export type IamDecision = { allowed: true } | { allowed: false; policyType: 'identity' | 'resource'; explicit: boolean };
