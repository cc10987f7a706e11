/** A value of an awsQuery form once un-flattened: a string, a list or a structure. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

/**
 * Un-flatten an awsQuery form: `Tags.member.1.Key=a&Tags.member.1.Value=b` → `{ Tags: [{ Key: 'a',
 * Value: 'b' }] }`; scalars stay strings (operation schemas coerce them).
 */
export function parseQueryForm(params: URLSearchParams): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [key, value] of params) {
    const parts = key.split('.');
    let node: Record<string, FormValue> | FormValue[] = root;
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i] ?? '';
      const last = i === parts.length - 1;
      if (part === 'member' && Array.isArray(node)) continue;
      const nextIsMember = parts[i + 1] === 'member';
      if (Array.isArray(node)) {
        const index = Number(part) - 1;
        if (!Number.isInteger(index) || index < 0) break;
        if (last) node[index] = value;
        else node = (node[index] ??= {}) as Record<string, FormValue> | FormValue[];
      } else if (last) {
        node[part] = value;
      } else {
        const existing: FormValue | undefined = node[part];
        node = existing !== undefined && typeof existing === 'object' ? existing : (node[part] = nextIsMember ? [] : {});
      }
    }
  }
  return compactArrays(root) as Record<string, FormValue>;
}

// Members may arrive out of order or with gaps; lists come back dense.
function compactArrays(value: FormValue): FormValue {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- sparse arrays hold holes the type does not show
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  return value;
}
