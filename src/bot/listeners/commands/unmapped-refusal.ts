import type { PersonaKind } from '../../../mesh/domain/identity';
import { InvalidInputError, NotAuthorizedError } from '../../../mesh/errors';
import type { CommandScope } from './command-scope';

/** The mesh admins as mentions (`<@U0ADMIN>, <@U0ADA2>`), or how to find them when none is configured. */
export function meshAdminsText(scope: CommandScope): string {
  const admins = scope.deps.mesh.meshAdmins().map((admin) => `<@${admin.userId}>`);
  return admins.length > 0 ? admins.join(', ') : 'a mesh admin (none is configured yet: ask whoever runs Meshbot)';
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

/** The refusal of a user who acts for no account: who can map them and the command they would type. */
export function unmappedRefusal(scope: CommandScope, needed: PersonaKind, doing: string): NotAuthorizedError {
  return new NotAuthorizedError(
    `you act for no account in the mesh yet, so you cannot ${doing}`,
    `ask ${meshAdminsText(scope)} to map you: \`/mesh admin map @you <account> ${needed}\`. Meanwhile you can browse with /mesh products`,
  );
}
