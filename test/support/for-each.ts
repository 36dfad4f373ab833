/**
 * Resources with a literal `for_each` map, as the instances Terraform makes of them: one body
 * per key, `${each.key}` and `${each.value.<attribute>}` replaced by the key's value (a whole
 * string that is such an expression takes the value itself, with its type), addressed
 * `<name>["<key>"]`. The conformance, reference and contract checks look at instances, so a
 * catalog's monitors are checked one by one like any other monitor.
 */
const EACH_VALUE = /^\$\{each\.value\.([A-Za-z0-9_]+)\}$/;

function substitute(v: any, key: string, value: Record<string, any>): any {
  if (typeof v === 'string') {
    if (v === '${each.key}') return key;
    const m = EACH_VALUE.exec(v);
    if (m) {
      if (!(m[1] in value)) throw new Error(`each.value.${m[1]} is not an attribute of the for_each value of key ${key}`);
      return value[m[1]];
    }
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, key, value));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, key, value)]));
  return v;
}

/** The instances of one resource body (itself when it has no literal for_each map). */
export function instancesOf(name: string, body: any): Array<[string, any]> {
  const fe = body?.for_each;
  if (!fe || typeof fe !== 'object' || Array.isArray(fe)) return [[name, body]];
  const { for_each: _, ...rest } = body;
  return Object.entries<any>(fe).map(([key, value]) => [`${name}[${JSON.stringify(key)}]`, substitute(rest, key, value)]);
}

/** The stack JSON with every literal-for_each resource replaced by its instances. */
export function expandForEach(stack: Record<string, any>): Record<string, any> {
  if (!stack?.resource) return stack;
  const resource: Record<string, any> = {};
  for (const [type, byName] of Object.entries<Record<string, any>>(stack.resource)) {
    resource[type] = {};
    for (const [name, body] of Object.entries(byName)) {
      for (const [n, b] of instancesOf(name, body)) resource[type][n] = b;
    }
  }
  return { ...stack, resource };
}
