import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ConformanceTarget } from './conformance-target';

/** How a service answered a call: success, or its error code, message and HTTP status. */
export type Answer = { ok: true } | { ok: false; code: string; message: string; status: number | undefined };

/** Run a call and keep only how it was answered (an SDK exception becomes its code and message). */
export async function answerOf(call: Promise<unknown>): Promise<Answer> {
  try {
    await call;
    return { ok: true };
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    if (typeof e.name !== 'string' || e.$metadata === undefined) throw error;
    return { ok: false, code: e.name, message: e.message ?? '', status: e.$metadata.httpStatusCode };
  }
}

/**
 * The shape of an answer, free of what differs between runs: account ids become `<mesh>`,
 * `<producer>`, `<consumer>`, this run's names `<name:label>`, ids `<id>`. Two targets agree when shapes are equal.
 */
export function shapeOf(target: ConformanceTarget, answer: Answer): Answer {
  if (answer.ok) return answer;
  let message = answer.message;
  for (const [part, id] of Object.entries(target.accounts)) message = message.replaceAll(id, `<${part}>`);
  message = message
    .replace(/mbconf_[0-9a-z]+_([0-9a-z_]+)/g, '<name:$1>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
  return { ...answer, message };
}

/**
 * The recorded answers of real AWS for one suite (`test/conformance/snapshots/<suite>.json`): an AWS
 * run records each case's answer shape; a sandbox run must give the same shape wherever AWS's is
 * recorded, as LocalStack keeps its parity snapshots.
 */
export function answerBook(target: ConformanceTarget, suite: string) {
  const file = new URL(`../snapshots/${suite}.json`, import.meta.url);
  const recorded: Record<string, Answer> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Answer>) : {};
  const seen: Record<string, Answer> = {};
  return {
    /** Compare an answer with AWS's recorded one (sandbox), or record it (AWS). */
    check(caseId: string, answer: Answer): void {
      const shape = shapeOf(target, answer);
      seen[caseId] = shape;
      if (target.kind === 'sandbox' && recorded[caseId] !== undefined) expect(shape, `${suite}/${caseId} differs from AWS's recorded answer`).toEqual(recorded[caseId]);
    },
    /** After an AWS run, write what AWS answered (sorted, so diffs show what changed). */
    save(): void {
      if (target.kind !== 'aws') return;
      const merged = { ...recorded, ...seen };
      const sorted = Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
      mkdirSync(new URL('.', file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
    },
  };
}
