import { DataProductSchema } from '../../mesh/domain/data-product';
import { suggestion } from './did-you-mean';
import type { CommandOf } from './mesh-command';
import { echoWord } from './echo-word';
import { fail, glueName, lengthProblem, ok, readGlueName, readPermissions, readTablePattern, readUser, type Read } from './parse-arguments';
import type { Token } from './tokenize';

/** The options of `publish`, each with an example for "needs a value" messages. */
const OPTIONS = {
  '--name': '--name "Telco use cases"',
  '--domain': '--domain telco',
  '--description': '--description "Churn features by month"',
  '--owners': '--owners @alice @bob',
  '--mesh-db': '--mesh-db telco-mesh',
  '--offer': '--offer select,describe',
  '--no-public': '--no-public',
} as const;

type Option = keyof typeof OPTIONS;
type ValueOption = Exclude<Option, '--owners' | '--no-public'>;

const OPTION_NAMES = Object.keys(OPTIONS) as Option[];

function isOption(word: string): word is Option {
  return word in OPTIONS;
}

/** An option is a word whose source starts with `--`: a quoted `"--name"` is plain text. */
function isOptionToken(token: Token | undefined): boolean {
  return token?.kind === 'word' && token.raw.startsWith('--');
}

/** A text value checked against the product field it fills; trimmed, since padding is never meant. */
function checkedText(option: ValueOption, value: string | undefined, field: 'name' | 'domain' | 'description'): Read<string | undefined> {
  if (value === undefined) return ok(undefined);
  const checked = DataProductSchema.shape[field].safeParse(value.trim());
  if (!checked.success) return fail(lengthProblem(echoWord(option), checked.error));
  return checked.data === undefined || checked.data === '' ? fail(`${echoWord(option)} is empty.`) : ok(checked.data);
}

/**
 * Reads `publish <db> [table or pattern] [--name N] [--domain D] [--description "…"] [--owners @a @b]
 * [--mesh-db NAME] [--offer select,describe] [--no-public]`. Options go anywhere after `publish`, also as `--name=value`;
 * `--owners` takes the mentions that follow it. Example: `telco usecase* --owners <@U0ALICE|alice>`.
 */
export function parsePublish(args: readonly Token[]): Read<CommandOf<'publish'>> {
  const positional: Token[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const seen = new Set<Option>();
  let owners: string[] | undefined;
  let publicMetadata = true;
  let i = 0;
  while (i < args.length) {
    const token = args[i];
    i += 1;
    if (token === undefined || !isOptionToken(token)) {
      if (token !== undefined) positional.push(token);
      continue;
    }
    const equals = token.text.indexOf('=');
    const option = (equals === -1 ? token.text : token.text.slice(0, equals)).toLowerCase();
    const inline = equals === -1 ? undefined : token.text.slice(equals + 1);
    if (!isOption(option)) {
      return fail(`unknown option ${echoWord(option)} (${OPTION_NAMES.join(', ')}).${suggestion(option, OPTION_NAMES)}`);
    }
    if (seen.has(option)) return fail(`${echoWord(option)} is given twice.`);
    seen.add(option);
    if (option === '--no-public') {
      if (inline !== undefined) return fail(`${echoWord(option)} takes no value.`);
      publicMetadata = false;
    } else if (option === '--owners') {
      if (inline !== undefined) return fail(`write the owners after a space: ${echoWord(OPTIONS[option])}.`);
      const ids: string[] = [];
      // Owners run until the first token that is not a mention; a typed `@name` is a mistake, not the end.
      for (let next = args[i]; next !== undefined && (next.kind !== 'word' || next.text.startsWith('@')); next = args[i]) {
        const user = readUser(next);
        if (!user.ok) return user;
        if (!ids.includes(user.value)) ids.push(user.value);
        i += 1;
      }
      if (ids.length === 0) return fail(`${echoWord(option)} needs at least one @mention: ${echoWord(OPTIONS[option])}.`);
      owners = ids;
    } else if (inline !== undefined) {
      values[option] = inline;
    } else {
      const next = args[i];
      if (next === undefined || isOptionToken(next)) return fail(`${echoWord(option)} needs a value: ${echoWord(OPTIONS[option])}.`);
      values[option] = next.text;
      i += 1;
    }
  }

  const database = readGlueName(positional[0], 'the database', 'database name');
  if (!database.ok) return database;
  const pattern = positional[1] === undefined ? ok(undefined) : readTablePattern(positional[1]);
  if (!pattern.ok) return pattern;
  if (positional.length > 2) {
    const extra = positional.slice(2).map((token) => token.text).join(' ');
    return fail(`unexpected ${echoWord(extra)}: after the database comes at most one table or pattern; quote values with spaces.`);
  }
  const name = checkedText('--name', values['--name'], 'name');
  if (!name.ok) return name;
  const domain = checkedText('--domain', values['--domain'], 'domain');
  if (!domain.ok) return domain;
  const description = checkedText('--description', values['--description'], 'description');
  if (!description.ok) return description;
  const meshDatabase = values['--mesh-db'] === undefined ? ok(undefined) : glueName(values['--mesh-db'], 'mesh database name');
  if (!meshDatabase.ok) return meshDatabase;
  const offer = values['--offer'] === undefined ? ok(undefined) : readPermissions([{ kind: 'word', text: values['--offer'], raw: values['--offer'] }]);
  if (!offer.ok) return fail(`${echoWord('--offer')}: ${offer.problem}`);

  return ok({
    kind: 'publish',
    database: database.value,
    ...(pattern.value === undefined ? {} : { tablePattern: pattern.value }),
    ...(name.value === undefined ? {} : { name: name.value }),
    ...(domain.value === undefined ? {} : { domain: domain.value }),
    ...(description.value === undefined ? {} : { description: description.value }),
    ...(owners === undefined ? {} : { owners }),
    ...(meshDatabase.value === undefined ? {} : { meshDatabase: meshDatabase.value }),
    ...(offer.value === undefined ? {} : { offeredPermissions: offer.value }),
    publicMetadata,
  });
}
