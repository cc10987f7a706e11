import type { PersonaKind } from '../../../mesh/domain/identity';
import type { UserRef } from '../../../mesh/error-reasons';
import { InvalidInputError, NotAuthorizedError } from '../../../mesh/errors';
import { meshAdminsMention } from '../../refusal-wordings';
import type { CommandScope } from './command-scope';

/** The configured mesh admins, who can map people. */
export function meshAdminsOf(scope: CommandScope): readonly UserRef[] {
  return scope.deps.mesh.meshAdmins();
}

/** The mesh admins as mentions (`<@U0ADMIN>, <@U0ADA2>`), or how to find them when none is configured. */
export function meshAdminsText(scope: CommandScope): string {
  return meshAdminsMention(meshAdminsOf(scope));
}

/**
 * The refusal an unmapped user gets when they try to act: the mesh's own refusal ("not mapped as a
 * consumer…") becomes one that names the people who can map them and the command they would type.
 * Anyone else's error is returned unchanged.
 */
export async function explainUnmapped(scope: CommandScope, error: unknown, needed: PersonaKind, doing: string): Promise<unknown> {
  if (!(error instanceof NotAuthorizedError) && !(error instanceof InvalidInputError)) return error;
  try {
    const me = await scope.deps.mesh.whoami(scope.ctx);
    if (me.meshAdmin || me.personas.length > 0) return error;
  } catch (whoamiFailure) {
    scope.log.warn({ err: whoamiFailure }, 'could not tell whether the user is mapped');
    return error;
  }
  return unmappedRefusal(scope, needed, doing);
}

/** The refusal of a user who acts for no account: who can map them (the mesh admins) and as what. */
export function unmappedRefusal(scope: CommandScope, needed: PersonaKind, doing: string): NotAuthorizedError {
  const meshAdmins = meshAdminsOf(scope);
  return new NotAuthorizedError({
    reason: 'unmapped_user',
    params: { needed, doing, meshAdmins },
    message: `you act for no account in the mesh yet, so you cannot ${doing}`,
    hint: `ask a mesh admin (${meshAdmins.map((admin) => admin.userId).join(', ') || 'none configured'}) to map you as a ${needed}`,
  });
}
