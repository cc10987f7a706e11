import { AccountNotEnabledError, InvalidInputError, NotAuthorizedError } from '../../../mesh/errors';
import { REQUEST_BLOCKS } from '../../views/request-modal';

// The mesh refuses with one sentence; these say which part of the form a sentence is about.
const FIELD_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/query roles?|IAM role/i, REQUEST_BLOCKS.queryRoles],
  [/\btables?\b/i, REQUEST_BLOCKS.tables],
  [/does not offer|permission/i, REQUEST_BLOCKS.permissions],
  [/column/i, REQUEST_BLOCKS.columns],
  [/justification|reason/i, REQUEST_BLOCKS.reason],
  [/consumerAccountId|consume/i, REQUEST_BLOCKS.account],
];

/**
 * The input block of the request modal a refusal concerns (an unoffered permission, a table gone
 * since the modal opened, an account the user may not request for), among the blocks the modal has;
 * undefined when it concerns none of them.
 */
export function requestRefusalField(error: unknown, inputBlocks: ReadonlySet<string>): string | undefined {
  const present = (block: string): string | undefined => (inputBlocks.has(block) ? block : undefined);
  if (error instanceof AccountNotEnabledError) return present(REQUEST_BLOCKS.account);
  if (error instanceof NotAuthorizedError) return /consumer of account/.test(error.message) ? present(REQUEST_BLOCKS.account) : undefined;
  if (!(error instanceof InvalidInputError)) return undefined;
  for (const [pattern, block] of FIELD_PATTERNS) {
    if (pattern.test(error.message) && inputBlocks.has(block)) return block;
  }
  return undefined;
}
