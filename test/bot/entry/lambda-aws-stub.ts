import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the stub answered: the operation (`AmazonSQS.SendMessage`) and its JSON input. */
export interface StubCall {
  target: string;
  input: Record<string, unknown>;
}

/** SQS and Secrets Manager on 127.0.0.1: neither runs locally, so a stub of their JSON protocols records what the SDK sends. */
export interface LambdaAwsStub {
  endpoint: string;
  calls(target?: string): StubCall[];
  /** The secret strings it serves, by ARN (change them between tests). */
  secrets: Map<string, string>;
  close(): Promise<void>;
}

function answer(target: string, input: Record<string, unknown>, secrets: Map<string, string>): { status: number; body: unknown } {
  switch (target) {
    case 'AmazonSQS.SendMessage': {
      const body = typeof input.MessageBody === 'string' ? input.MessageBody : '';
      // The SDK checks the MD5 of the body it sent, as SQS answers it.
      return { status: 200, body: { MessageId: `m-${String(secrets.size)}`, MD5OfMessageBody: createHash('md5').update(body).digest('hex'), SequenceNumber: '1' } };
    }
    case 'secretsmanager.GetSecretValue': {
      const arn = String(input.SecretId);
      const secret = secrets.get(arn);
      if (secret === undefined) return { status: 400, body: { __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find the specified secret.' } };
      return { status: 200, body: { ARN: arn, Name: arn.split(':').at(-1), SecretString: secret, VersionId: 'v1', CreatedDate: 1_700_000_000 } };
    }
    default:
      return { status: 400, body: { __type: 'UnknownOperationException', message: target } };
  }
}

/** Start the stub on a free port; point the SDK at it with `AWS_ENDPOINT_URL_SQS` / `AWS_ENDPOINT_URL_SECRETS_MANAGER`. */
export async function startLambdaAwsStub(): Promise<LambdaAwsStub> {
  const recorded: StubCall[] = [];
  const secrets = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const target = String(req.headers['x-amz-target']);
      const input = JSON.parse(raw === '' ? '{}' : raw) as Record<string, unknown>;
      recorded.push({ target, input });
      const { status, body } = answer(target, input, secrets);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    endpoint: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    calls: (target) => recorded.filter((c) => target === undefined || c.target === target),
    secrets,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
