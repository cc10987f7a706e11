import * as glue from '@aws-sdk/client-glue';
import * as lakeformation from '@aws-sdk/client-lakeformation';
import * as ram from '@aws-sdk/client-ram';
import * as sts from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_CODES, errorKind, errorKindOf, NOT_FOUND_CODES, REFUSED_CODES } from '../../../src/mesh/aws/aws-call-error';

/** The exceptions an SDK client generates from its service model, with the traits the model gives them. */
function modelledExceptions(module: Record<string, unknown>, base: abstract new (...args: never[]) => Error): { code: string; fault: string; throttling: boolean }[] {
  return Object.values(module).flatMap((value) => {
    if (typeof value !== 'function' || !(value.prototype instanceof base)) return [];
    const error = new (value as new (options: object) => Error & { $fault: string; $retryable?: { throttling?: boolean } })({ message: '', $metadata: {} });
    return [{ code: error.name, fault: error.$fault, throttling: error.$retryable?.throttling === true }];
  });
}

const SERVICES = {
  lakeformation: modelledExceptions(lakeformation, lakeformation.LakeFormationServiceException),
  glue: modelledExceptions(glue, glue.GlueServiceException),
  ram: modelledExceptions(ram, ram.RAMServiceException),
  sts: modelledExceptions(sts, sts.STSServiceException),
};

describe('error classification, checked against the service models the SDK clients are generated from', () => {
  it('finds the models (the check below would pass vacuously otherwise)', () => {
    for (const exceptions of Object.values(SERVICES)) expect(exceptions.length).toBeGreaterThan(10);
  });

  it.each(Object.entries(SERVICES))('treats every server fault of %s as ambiguous and every throttling error as refused', (_service, exceptions) => {
    for (const { code, fault, throttling } of exceptions) {
      if (throttling || /Throttl/.test(code)) expect([code, errorKind(code)]).toEqual([code, 'refused']);
      else if (fault === 'server') expect([code, errorKind(code)]).toEqual([code, 'ambiguous']);
    }
  });

  it('names only codes that a model or the transport can produce', () => {
    const modelled = new Set(Object.values(SERVICES).flatMap((exceptions) => exceptions.map((e) => e.code)));
    // STS speaks the query protocol: its throttling and internal errors are plain codes, not modelled shapes.
    const transport = new Set(['Throttling', 'InternalFailure', 'TimeoutError', 'RequestTimeout', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
    for (const code of [...REFUSED_CODES, ...AMBIGUOUS_CODES]) expect(modelled.has(code) || transport.has(code), code).toBe(true);
  });

  it('names as "not found" only client faults the models define', () => {
    const clientFaults = new Set(Object.values(SERVICES).flatMap((exceptions) => exceptions.filter((e) => e.fault === 'client').map((e) => e.code)));
    for (const code of NOT_FOUND_CODES) expect([code, clientFaults.has(code)]).toEqual([code, true]);
  });

  it('treats client faults as final: the request was wrong or not allowed', () => {
    for (const code of ['AccessDeniedException', 'InvalidInputException', 'EntityNotFoundException', 'AlreadyExistsException', 'ResourceShareInvitationExpiredException']) expect(errorKind(code)).toBe('final');
  });

  it('falls back on the HTTP status for a code no model names, as the SDK retry rules do', () => {
    const thrown = (name: string, status: number) => Object.assign(new Error('x'), { name, $metadata: { httpStatusCode: status } });
    expect(errorKindOf(thrown('SlowDown', 429))).toBe('refused');
    expect(errorKindOf(thrown('BadGateway', 502))).toBe('ambiguous');
    expect(errorKindOf(thrown('Unknown', 400))).toBe('final');
    expect(errorKindOf(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('ambiguous');
  });
});
