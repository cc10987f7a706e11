import { AwsError } from '../aws-error';

/**
 * The matcher for GetTables' `Expression`: Glue documents it as a regular expression and, as Hive,
 * treats a bare `*` as "any characters" (`usecase*`, `sales_*|hr_*`). The whole name must match,
 * case-insensitively (Glue stores names lower-case).
 */
export function tableNamePattern(expression: string | undefined): (name: string) => boolean {
  if (expression === undefined || expression === '') return () => true;
  const source = expression.replace(/(^|[^.\\\]])\*/g, '$1.*');
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${source})$`, 'i');
  } catch {
    throw new AwsError('InvalidInputException', `Invalid Expression: ${expression}`);
  }
  return (name) => regex.test(name);
}
