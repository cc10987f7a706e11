import type { AwsError } from '../aws-error';

// Sources: the awsQuery protocol's result and error documents (botocore sts/2011-06-15 and iam/2010-05-08
// service models: `metadata.protocol` awsQuery, `metadata.xmlNamespace`).

/** STS's XML namespace (botocore sts/2011-06-15 service model, `metadata.xmlNamespace`). */
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
/** IAM's XML namespace (botocore iam/2010-05-08 service model, `metadata.xmlNamespace`). */
export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

function escapeXml(text: string): string {
  // Text content only (no attributes are written), so quotes stay as they are, as STS sends them.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** awsQuery timestamps: ISO 8601 without milliseconds, as STS sends them. */
export function queryTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Members in the order given; lists as `<member>` items; undefined members left out. */
function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (value instanceof Date) return queryTimestamp(value.getTime());
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(typeof value === 'string' ? value : JSON.stringify(value));
}

/** `<OpResponse xmlns=…><OpResult>…</OpResult><ResponseMetadata><RequestId>…` */
export function queryResultBody(operation: string, requestId: string, result: unknown, namespace = STS_NAMESPACE): string {
  return (
    `<${operation}Response xmlns="${namespace}">` +
    `<${operation}Result>${toXml(result)}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${operation}Response>\n`
  );
}

/** `<ErrorResponse><Error><Type>Sender|Receiver</Type><Code>…</Code><Message>…</Message></Error><RequestId>…` */
export function queryErrorBody(error: AwsError, requestId: string, namespace = STS_NAMESPACE): string {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  return (
    `<ErrorResponse xmlns="${namespace}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId>` +
    `</ErrorResponse>\n`
  );
}
