import type { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { lakeFormationPermissions } from '../aws/lake-formation-permissions';
import type { ExecutorDeps } from '../execute/grant-executor';
import type { MeshDeps } from './mesh-deps';

/** The grant executor's collaborators for one role session: Lake Formation in `catalogId`, with the deps' retry policy and clock. */
export function executorFor(deps: Pick<MeshDeps, 'executor' | 'clock'>, lakeFormation: LakeFormationClient, catalogId: string): ExecutorDeps {
  return { ...deps.executor, permissions: lakeFormationPermissions(lakeFormation, catalogId), now: deps.clock };
}
