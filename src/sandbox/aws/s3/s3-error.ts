import { AwsError } from '../aws-error';

/**
 * An S3 error. S3 answers `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId></Error>`
 * with extra members naming what failed (`BucketName`, `Key`, `ArgumentName` …). Codes and statuses
 * are those of the S3 API Reference, "Error responses" (List of error codes); where the list gives a
 * description rather than the message text, the message is the wording S3 answers with.
 */
export class S3Error extends AwsError {
  constructor(
    code: string,
    message: string,
    status: number,
    /** Extra `<Error>` members, in order. */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(code, message, status);
  }
}

/** NoSuchBucket, 404. */
export function noSuchBucket(bucket: string): S3Error {
  return new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
}

/** NoSuchKey, 404. */
export function noSuchKey(key: string): S3Error {
  return new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
}

/** AccessDenied, 403. */
export function accessDenied(): S3Error {
  return new S3Error('AccessDenied', 'Access Denied', 403);
}

/** BucketAlreadyExists, 409: the name is taken by another account (bucket names are global). */
export function bucketAlreadyExists(bucket: string): S3Error {
  return new S3Error(
    'BucketAlreadyExists',
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    409,
    { BucketName: bucket },
  );
}

/** BucketAlreadyOwnedByYou, 409. */
export function bucketAlreadyOwnedByYou(bucket: string): S3Error {
  return new S3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, { BucketName: bucket });
}

/** BucketNotEmpty, 409. */
export function bucketNotEmpty(bucket: string): S3Error {
  return new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket });
}

/** NoSuchBucketPolicy, 404. */
export function noSuchBucketPolicy(bucket: string): S3Error {
  return new S3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { BucketName: bucket });
}

/** InvalidBucketName, 400. */
export function invalidBucketName(bucket: string): S3Error {
  return new S3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket });
}

/** MalformedXML, 400. */
export function malformedXml(): S3Error {
  return new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
}

/** MalformedPolicy, 400 (the reference gives the code, not the wording of each reason). */
export function malformedPolicy(reason: string): S3Error {
  return new S3Error('MalformedPolicy', reason, 400);
}

/** MethodNotAllowed, 405. */
export function methodNotAllowed(method: string, resourceType: string): S3Error {
  return new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, { Method: method, ResourceType: resourceType });
}

/** InvalidArgument, 400, naming the argument. */
export function invalidArgument(message: string, name: string, value: string): S3Error {
  return new S3Error('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value });
}

/** InvalidRequest, 400. */
export function invalidRequest(message: string): S3Error {
  return new S3Error('InvalidRequest', message, 400);
}

/** InvalidRange, 416. */
export function invalidRange(range: string, size: number): S3Error {
  return new S3Error('InvalidRange', 'The requested range is not satisfiable', 416, { RangeRequested: range, ActualObjectSize: String(size) });
}

/** BadDigest, 400: a Content-MD5 or checksum that does not match the body. */
export function badDigest(message: string): S3Error {
  return new S3Error('BadDigest', message, 400);
}

/** InvalidDigest, 400: a Content-MD5 that is not a base64 MD5. */
export function invalidDigest(): S3Error {
  return new S3Error('InvalidDigest', 'The Content-MD5 you specified is not valid.', 400);
}

/** XAmzContentSHA256Mismatch, 400: the body does not hash to the signed `x-amz-content-sha256`. */
export function contentSha256Mismatch(declared: string, computed: string): S3Error {
  return new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, {
    ClientComputedContentSHA256: declared,
    S3ComputedContentSHA256: computed,
  });
}

/** IncompleteBody, 400: an aws-chunked body that ends early or is malformed. */
export function incompleteBody(): S3Error {
  return new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.', 400);
}

/** NotImplemented, 501. */
export function notImplemented(message: string): S3Error {
  return new S3Error('NotImplemented', message, 501);
}
