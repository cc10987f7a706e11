import type { ServiceOperations } from '../operation';
import { routeS3 } from '../s3/s3-request';
import { parseQueryForm } from './query-form';
import type { WireRequest } from './wire-request';

// Sources: the protocols of each service model (`metadata.protocol`: awsJson1_1 for Glue and KMS,
// restJson1 for Lake Formation and RAM, awsQuery for IAM and STS, restXml for S3).

/** The operation a request names and its raw (not yet validated) input, or why the body is unreadable. */
export interface ParsedCall {
  operation: string;
  input: unknown;
  inputError?: string;
}

/** How a protocol reads the operation and its input from a request. */
export type CallParser = (req: WireRequest, operations: ServiceOperations) => ParsedCall;

type Body = { value: Record<string, unknown>; error?: string };

function jsonBody(body: Buffer): Body {
  if (body.length === 0) return { value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { value: {}, error: 'The request body is not valid JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { value: {}, error: 'The request body must be a JSON object.' };
  return { value: parsed as Record<string, unknown> };
}

function withBody(operation: string, prefix: Record<string, unknown>, body: Body): ParsedCall {
  return body.error === undefined ? { operation, input: { ...prefix, ...body.value } } : { operation, input: undefined, inputError: body.error };
}

/** awsJson1_1: `X-Amz-Target: <targetPrefix>.Op` (Glue `AWSGlue`, KMS `TrentService`), JSON body. */
export function awsJsonCall(targetPrefix: string): CallParser {
  return (req) => {
    const target = req.headers['x-amz-target'] ?? '';
    return withBody(target.startsWith(`${targetPrefix}.`) ? target.slice(targetPrefix.length + 1) : target, {}, jsonBody(req.body));
  };
}

/**
 * restJson1: `POST /Op` (Lake Formation), or the operation name lower-cased (RAM `/getresourceshares`),
 * with `@httpQuery` members merged into the input as strings.
 */
export function restJsonCall(paths: 'operation' | 'lower-case'): CallParser {
  return (req, operations) => {
    const segment = safeDecode(req.path.split('/')[1] ?? '');
    const operation = paths === 'lower-case' ? (Object.keys(operations).find((name) => name.toLowerCase() === segment) ?? segment) : segment;
    const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    return withBody(operation, query, jsonBody(req.body));
  };
}

/** awsQuery (STS, IAM): an `Action=Op&…` form, in the body or (GET) the query string. */
export const awsQueryCall: CallParser = (req) => {
  const form = parseQueryForm(req.method === 'GET' ? new URLSearchParams(flatQuery(req.query)) : new URLSearchParams(req.body.toString('utf8')));
  const { Action, Version: _version, ...input } = form;
  return { operation: typeof Action === 'string' ? Action : '', input };
};

/** restXml (S3): the operation from method, path and sub-resource, the input the request itself; see `routeS3`. */
export const restXmlCall: CallParser = (req) => routeS3(req);

function flatQuery(query: WireRequest['query']): [string, string][] {
  return Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
