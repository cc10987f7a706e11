import { describe, expect, it } from 'vitest';
import { LocalUsageError, parseLocalOptions } from '../../../src/sandbox/cli/local-options';

describe('npm start and npm run sandbox options', () => {
  it('share the defaults: the same three ports, state in memory', () => {
    const start = parseLocalOptions('start', [], {});
    const sandbox = parseLocalOptions('sandbox', [], {});

    expect(start).toEqual({ port: 3000, awsPort: 4566, dynamoPort: 4567, check: false, help: false });
    expect(sandbox).toMatchObject({ awsPort: 4566, dynamoPort: 4567 });
    expect(sandbox.stateDir).toBeUndefined();
  });

  it('read the same environment variables and flags, flags first', () => {
    const env = { PORT: '3100', SANDBOX_PORT: '4600', DYNAMO_PORT: '4601' };

    expect(parseLocalOptions('start', [], env)).toMatchObject({ port: 3100, awsPort: 4600, dynamoPort: 4601 });
    expect(parseLocalOptions('sandbox', ['--aws-port', '4700', '--persist'], env)).toMatchObject({ awsPort: 4700, dynamoPort: 4601, stateDir: '.sandbox' });
    expect(parseLocalOptions('start', ['--state-dir', '/tmp/mesh'], {}).stateDir).toBe('/tmp/mesh');
  });

  it('attach to a running sandbox, its DynamoDB beside its emulator unless named', () => {
    expect(parseLocalOptions('start', ['--aws-endpoint', 'http://127.0.0.1:4566/'], {}).attach).toEqual({ awsEndpoint: 'http://127.0.0.1:4566', dynamoEndpoint: 'http://127.0.0.1:4567' });
    expect(parseLocalOptions('start', ['--aws-endpoint', 'http://127.0.0.1:5000', '--dynamo-endpoint', 'http://127.0.0.1:5001'], {}).attach).toEqual({
      awsEndpoint: 'http://127.0.0.1:5000',
      dynamoEndpoint: 'http://127.0.0.1:5001',
    });
  });

  it('refuse what cannot be meant, saying which option and why, with the usage', () => {
    const refusal = (command: 'start' | 'sandbox', argv: string[]): string => {
      try {
        parseLocalOptions(command, argv, {});
      } catch (error) {
        if (error instanceof LocalUsageError) return error.message;
        throw error;
      }
      return 'accepted';
    };

    expect(refusal('start', ['--persist', '--aws-endpoint', 'http://127.0.0.1:4566'])).toMatch(/^--aws-endpoint attaches to a running sandbox, which keeps its own state and ports: drop --persist\.\nusage: npm start/);
    expect(refusal('start', ['--dynamo-endpoint', 'http://127.0.0.1:4567'])).toMatch(/^--dynamo-endpoint needs --aws-endpoint/);
    expect(refusal('start', ['--aws-endpoint', 'localhost:4566'])).toMatch(/^attach\.awsEndpoint: must be an http:\/\/ URL/);
    expect(refusal('start', ['--port', 'eighty'])).toMatch(/^port: /);
    expect(refusal('sandbox', ['--aws-endpoint', 'http://127.0.0.1:4566'])).toMatch(/Unknown option '--aws-endpoint'[\s\S]*usage: npm run sandbox/);
    expect(refusal('sandbox', ['--persist', '.sandbox/world.json'])).toMatch(/Unexpected argument '.sandbox\/world.json'/);
  });
});
