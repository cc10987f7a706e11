import type { PolicyDocument } from '../world';

// Sources: parsing only, no rule of its own. S3 PutBucketPolicy ("MalformedPolicy") and KMS
// PutKeyPolicy (MalformedPolicyDocumentException) refuse texts that are not policy documents, which is
// why a stored one that does not parse can only come from a world edited by hand.

// Parsed once per policy text, so the evaluation's cache (keyed by document) sees the same document again.
const parsedPolicies = new Map<string, PolicyDocument | undefined>();

/**
 * A stored policy text (a bucket policy, a key policy) as IAM reads it: the document, or undefined
 * when it is not a JSON object (the Put operations refuse those, so this is a world edited by hand).
 */
export function policyDocumentOf(text: string): PolicyDocument | undefined {
  if (!parsedPolicies.has(text)) {
    let policy: PolicyDocument | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      policy = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as PolicyDocument) : undefined;
    } catch {
      policy = undefined;
    }
    if (parsedPolicies.size >= 1000) parsedPolicies.clear();
    parsedPolicies.set(text, policy);
  }
  return parsedPolicies.get(text);
}
