import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type * as z from 'zod';
import { settleShares } from './access/share-association';
import { authenticate } from './auth/authenticate';
import { AwsError } from './aws-error';
import type { EmulatorClock } from './clock';
import type { CallLog } from './controls/call-log';
import type { FaultRegistry } from './controls/fault-registry';
import { authorizeCall } from './iam/authorize-call';
import type { Caller, CallContext, EntryFault, ServiceOperations } from './operation';
import type { ServiceName } from './service-name';
import type { World } from './world';
import { SERVICE_ERROR_CODES, serviceFault } from './wire/service-errors';
import { SERVICE_PROTOCOLS } from './wire/service-protocols';
import type { WireRequest } from './wire/wire-request';
import type { WireResponse } from './wire/wire-response';

// Sources: IAM User Guide, "Understanding how IAM works" (every request is authorized before the service
// acts); each service's wire protocol (wire/service-protocols.ts) and error codes (wire/service-errors.ts)
// cite their models there.

/** What the AWS call pipeline needs from the emulator. */
export interface AwsCallDeps {
  world: World;
  clock: EmulatorClock;
  operations: Record<ServiceName, ServiceOperations>;
  faults: FaultRegistry;
  calls: CallLog;
  logger: Logger;
  /** Called after every authenticated call (the world may have changed). */
  afterCall(): void;
}

/** AWS-style validation message naming each field: `1 validation error detected: Value at 'RoleSessionName' failed to satisfy constraint: …`. */
function validationMessage(issues: z.core.$ZodIssue[]): string {
  const parts = issues.map((issue) =>
    issue.path.length > 0 ? `Value at '${issue.path.map(String).join('.')}' failed to satisfy constraint: ${constraint(issue)}` : issue.message,
  );
  return `${parts.length} validation error${parts.length === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}

// A missing member reads as AWS says it; other constraints keep zod's wording.
function constraint(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'Member must not be null' : issue.message;
}

function unknownOperation(service: ServiceName, operation: string): AwsError {
  const code = SERVICE_ERROR_CODES[service].unknownOperation;
  if (service === 'sts') return new AwsError(code, `Could not find operation ${operation} for version 2011-06-15`);
  if (service === 'iam') return new AwsError(code, `Could not find operation ${operation} for version 2010-05-08`);
  // S3's NotImplemented is a 501 (S3 API Reference, "Error responses").
  return new AwsError(code, `The sandbox emulator does not implement ${service} operation ${JSON.stringify(operation)}.`, service === 's3' ? 501 : 400);
}

/**
 * One AWS call: authenticate, find the operation, inject a whole-call fault if one is armed (before
 * the handler, so nothing changes), validate the input with the operation's schema, authorize it
 * with IAM (iam/), run the handler, encode the answer in the service's protocol, and record the call.
 */
export async function handleAwsCall(service: ServiceName, req: WireRequest, deps: AwsCallDeps): Promise<WireResponse> {
  const requestId = randomUUID();
  const protocol = SERVICE_PROTOCOLS[service];
  // RAM's asynchronous work due by now is done before the call sees the world.
  settleShares(deps.world, deps.clock.now());
  let caller: Caller;
  try {
    caller = await authenticate(service, req, deps.world, deps.clock.now());
  } catch (error) {
    if (error instanceof AwsError) return protocol.error(requestId, error);
    deps.logger.error({ err: error, requestId, service }, 'authentication failed unexpectedly');
    return protocol.error(requestId, new AwsError(SERVICE_ERROR_CODES[service].internal, 'An internal error occurred.', 500));
  }

  const operations = deps.operations[service];
  let operation = '';
  let injected = false;
  let outcome = 'ok';
  let response: WireResponse;
  try {
    const call = protocol.parse(req, operations);
    operation = call.operation;
    const op = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
    if (!op) throw unknownOperation(service, operation);
    const fault = deps.faults.take({ service, operation, accountId: caller.accountId, perEntry: false });
    if (fault) {
      injected = true;
      const { code, status } = serviceFault(service, fault.error, fault.status);
      throw new AwsError(code, fault.message ?? `Injected by the sandbox: ${code}.`, status);
    }
    if (call.inputError !== undefined) throw new AwsError(SERVICE_ERROR_CODES[service].validation, call.inputError);
    const input = op.input.safeParse(call.input);
    if (!input.success) throw new AwsError(SERVICE_ERROR_CODES[service].validation, validationMessage(input.error.issues));
    // IAM decides before the service acts. Input validation comes first because the checks need the
    // names the request gives (which table, which role); AWS documents no order between the two.
    const iam = await authorizeCall(service, { operation, input: input.data, world: deps.world, caller });
    const ctx: CallContext = {
      world: deps.world,
      caller,
      iam,
      now: () => deps.clock.now(),
      region: deps.world.region,
      requestId,
      nextId: () => {
        deps.world.sequence += 1;
        return String(deps.world.sequence);
      },
      entryFault: (): EntryFault | undefined => {
        const entry = deps.faults.take({ service, operation, accountId: caller.accountId, perEntry: true });
        if (!entry) return undefined;
        injected = true;
        return { code: entry.error, message: entry.message ?? `Injected by the sandbox: ${entry.error}.` };
      },
    };
    response = protocol.success(operation, requestId, await op.handle(ctx, input.data));
  } catch (error) {
    const awsError =
      error instanceof AwsError ? error : new AwsError(SERVICE_ERROR_CODES[service].internal, 'An internal error occurred.', 500);
    if (!(error instanceof AwsError)) deps.logger.error({ err: error, requestId, service, operation }, 'operation handler threw');
    outcome = awsError.code;
    response = protocol.error(requestId, awsError);
  }
  deps.calls.record({
    at: new Date(deps.clock.now()).toISOString(),
    requestId,
    service,
    operation,
    accountId: caller.accountId,
    arn: caller.arn,
    roleName: caller.roleName ?? null,
    sessionName: caller.sessionName ?? null,
    sourceIdentity: caller.sourceIdentity ?? null,
    outcome,
    injected,
  });
  deps.logger.debug({ requestId, service, operation, accountId: caller.accountId, outcome, injected }, 'aws call');
  deps.afterCall();
  return response;
}
