/**
 * Stands in, inside the Lambda bundles, for modules that only Bolt's other receivers use (Socket
 * Mode's WebSocket client, Express, the HTTP receivers' body reader). Bolt's index requires every
 * receiver eagerly, and CommonJS cannot be tree-shaken; the Lambda functions only ever construct
 * AwsLambdaReceiver, so these modules are never called there.
 */
export {};
