import { REQUEST_BLOCKS } from '../../views/request-modal';
import { refusalField } from '../refusal-field';

/** The block of the request modal for each input of the mesh's request (its refusals' paths start with one). */
const BLOCK_OF_INPUT: ReadonlyMap<string, string> = new Map([
  ['consumerAccountId', REQUEST_BLOCKS.account],
  ['tables', REQUEST_BLOCKS.tables],
  ['permissions', REQUEST_BLOCKS.permissions],
  ['columns', REQUEST_BLOCKS.columns],
  ['justification', REQUEST_BLOCKS.reason],
  ['queryPrincipals', REQUEST_BLOCKS.queryRoles],
]);

/**
 * The input block of the request modal a refusal concerns (an unoffered permission, a table gone
 * since the modal opened, an account the user may not request for), from the refusal's input path,
 * among the blocks the modal has; undefined when it concerns none of them.
 */
export function requestRefusalField(error: unknown, inputBlocks: ReadonlySet<string>): string | undefined {
  return refusalField(error, (path) => BLOCK_OF_INPUT.get(String(path[0])), inputBlocks);
}
