/** A received HTTP request, as the router, the SigV4 verifier and the protocol parsers see it. */
export interface WireRequest {
  method: string;
  /** The raw path as sent (percent-encoded), without the query string. */
  path: string;
  /** Decoded query parameters; repeated names become arrays. */
  query: Record<string, string | string[]>;
  /** Lower-cased header names; repeated headers joined with `, ` (as node does). */
  headers: Record<string, string>;
  body: Buffer;
}

/** The SigV4 credential scope's service name (`…/us-east-1/glue/aws4_request`), if the request is signed. */
export function scopeService(req: WireRequest): string | undefined {
  return /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '')?.[1];
}
