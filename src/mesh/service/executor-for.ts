import type { AccountClients } from '../aws/aws-clients';
import { lakeFormationPermissions } from '../aws/lake-formation-permissions';
import type { ExecutorDeps } from '../execute/grant-executor';
import type { MeshDeps } from './mesh-deps';

/** The grant executor's collaborators for one role session: Lake Formation in `catalogId`, with the deps' retry policy and clock. */
export function executorFor(deps: Pick<MeshDeps, 'executor' | 'clock'>, lakeFormation: AccountClients['lakeFormation'], catalogId: string): ExecutorDeps {
  return { ...deps.executor, permissions: lakeFormationPermissions(lakeFormation, catalogId, deps.executor), now: deps.clock };
}
