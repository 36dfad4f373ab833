import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { TOOLKIT } from './toolkit';
import { ValidationError, pathOf } from '../errors';

const REGISTRY = Symbol.for('cdktf-integrations.stack-registry');

/**
 * Per-stack storage for library bookkeeping (connections by kind, singletons, used names):
 * lookups stay O(1) however large the construct tree is.
 */
export function stackRegistry(scope: IConstruct): Map<string, any> {
  const stack = TerraformStack.of(scope) as any;
  requireOwnToolkit(scope, stack);
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

/**
 * The toolkit a stack belongs to. cdktf and CDK Terrain share their marker symbols, so a
 * construct of one passes the other's type checks and then fails inside it with a TypeError;
 * CDK Terrain's stacks have members cdktf's lack (`_getUsedFunctions`, which cdktn 0.24 calls on
 * every stack it synthesizes). Two copies of one toolkit in an app still agree.
 */
function toolkitOf(stack: object): string {
  return typeof (stack as { _getUsedFunctions?: unknown })._getUsedFunctions === 'function' ? 'cdktn' : 'cdktf';
}

const OWN_TOOLKIT = toolkitOf(TerraformStack.prototype);

/** Fails, naming the construct and both toolkits, when `stack` is not of the toolkit this build of the library is for. */
function requireOwnToolkit(scope: IConstruct, stack: object): void {
  const theirs = toolkitOf(stack);
  if (theirs === OWN_TOOLKIT) return;
  throw new ValidationError(pathOf(scope), 'scope', `a construct in a ${theirs} app`,
    `in a ${OWN_TOOLKIT} app: ${TOOLKIT.libraryPackage} is built for ${OWN_TOOLKIT}, and a construct of one toolkit fails inside the other's; `
    + `in a ${theirs} app use ${theirs}-integrations`);
}
