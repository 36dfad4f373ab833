import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

const REGISTRY = Symbol.for('cdktf-integrations.stack-registry');

/**
 * Per-stack storage for library bookkeeping (connections by kind, singletons, used names):
 * lookups stay O(1) however large the construct tree is.
 */
export function stackRegistry(scope: IConstruct): Map<string, any> {
  const stack = TerraformStack.of(scope) as any;
  if (!stack[REGISTRY]) {
    Object.defineProperty(stack, REGISTRY, { value: new Map<string, any>(), enumerable: false });
  }
  return stack[REGISTRY];
}

/** The value stored under `key` in the scope's stack, created by `make` on first use. */
export function stackSingleton<T>(scope: IConstruct, key: string, make: (stack: TerraformStack) => T): T {
  const reg = stackRegistry(scope);
  if (!reg.has(key)) reg.set(key, make(TerraformStack.of(scope)));
  return reg.get(key);
}

/** Claims a Terraform name (variable, alias…) in the scope's stack; returns false when already taken. */
export function claimName(scope: IConstruct, namespace: string, name: string): boolean {
  const taken: Set<string> = stackSingleton(scope, `names:${namespace}`, () => new Set<string>());
  if (taken.has(name)) return false;
  taken.add(name);
  return true;
}
