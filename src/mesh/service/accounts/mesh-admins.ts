import type { MeshConfig } from '../mesh-config';
import type { MeshDeps } from '../mesh-deps';

/**
 * The configured mesh admins, whom an unmapped user asks to be mapped (anyone may read this: it names
 * people to ask). Members of an admin user group (`isMeshAdmin`) are not listed.
 */
export function meshAdmins(deps: Pick<MeshDeps, 'config'>): MeshConfig['meshAdmins'] {
  return deps.config.meshAdmins.map((admin) => ({ ...admin }));
}
