/**
 * What an S3 operation answers: S3 is REST-XML, so each operation chooses its status (200, 204, 206),
 * headers (ETag, Last-Modified, x-amz-…) and body (an XML document or the object's bytes).
 */
export interface S3Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** The namespace of S3's XML documents. */
export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** Escape text for XML element content. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<name>value</name>`, or nothing when the value is undefined. */
export function textElement(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>children…</name>`. */
export function element(name: string, children: string[]): string {
  return `<${name}>${children.join('')}</${name}>`;
}

/** An XML document answer: `<?xml …?><Root xmlns="…">children…</Root>`. */
export function xmlReply(root: string, children: string[], extra: Omit<S3Reply, 'body'> = {}): S3Reply {
  return {
    status: extra.status,
    headers: { 'content-type': 'application/xml', ...extra.headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${children.join('')}</${root}>`,
  };
}

/** An empty answer (`204 No Content` for deletes, `200` for puts). */
export function emptyReply(status = 200, headers: Record<string, string> = {}): S3Reply {
  return { status, headers, body: '' };
}

/** HTTP-date (RFC 7231), as S3 sends Last-Modified. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** ISO 8601 with milliseconds, as S3 writes timestamps in XML (`2009-10-12T17:50:30.000Z`). */
export function xmlTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
