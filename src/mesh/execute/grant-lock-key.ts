/**
 * The lock (and SQS message group) of grants by one catalog to one grantee: Lake Formation answers
 * concurrent grants on the same pair with ConcurrentModificationException, so they run one at a time.
 */
export function grantLockKey(grantorCatalogId: string, grantee: string): string {
  return `${grantorCatalogId}#${grantee}`;
}
