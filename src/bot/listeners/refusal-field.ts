import type { InputPath } from '../../mesh/error-reasons';
import { InvalidInputError, MeshError } from '../../mesh/errors';

/** The input paths a refusal concerns, in order: each problem's of an invalid input, else the error's own. */
export function refusalPaths(error: unknown): InputPath[] {
  if (error instanceof InvalidInputError) return error.problems.flatMap((problem) => (problem.path === undefined ? [] : [problem.path]));
  if (error instanceof MeshError && error.path !== undefined) return [error.path];
  return [];
}

/**
 * The form block a refusal is shown under: the first of its paths that `blockOf` maps to a block the
 * form has (`present`, when given); undefined when it concerns none of them (or is no mesh refusal).
 */
export function refusalField(error: unknown, blockOf: (path: InputPath) => string | undefined, present?: ReadonlySet<string>): string | undefined {
  for (const path of refusalPaths(error)) {
    const block = blockOf(path);
    if (block !== undefined && (present === undefined || present.has(block))) return block;
  }
  return undefined;
}
