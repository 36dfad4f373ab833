import { Aspects, IAnyProducer, IResolvable, Token, IAspect, IListProducer, IStringProducer, Lazy, LazyAnyValueOptions, LazyListValueOptions, LazyStringValueOptions, TerraformElement } from 'cdktf';
import { IConstruct } from 'constructs';
import { stackSingleton } from './stack-registry';

/**
 * Terraform reads every string of its JSON syntax as a template: `${…}` is an interpolation and
 * `%{…}` a directive (Terraform docs, "JSON Configuration Syntax" and "String Templates"). Text the
 * library writes for a user — titles, messages, runbook URLs, resource names, imported JSON — must
 * reach the real system as written, so it is escaped (`$${`, `%%{`) on its way into the JSON.
 *
 * This happens in one place: every Terraform element created inside one of the library's
 * constructs is escaped when the stack is rendered, after every construct has run. Real
 * references are never touched because at that point they are still cdktf tokens
 * (`${TfToken[…]}`), which resolve to the `${…}` expressions Terraform must evaluate. Elements the
 * user creates outside the library's constructs are left as they are.
 *
 * Values computed at synthesis (cdktf's `Lazy`) are tokens when the element is rendered, so the
 * library creates them through `EscapingLazy`, which escapes what they produce (the lint forbids
 * cdktf's `Lazy` elsewhere in `src/`).
 */

const LIBRARY_SCOPES = new WeakSet<IConstruct>();
const ESCAPED = new WeakSet<TerraformElement>();

/** `${` → `$${` and `%{` → `%%{`, leaving cdktf's token markers (`${TfToken[…]}`) alone. */
function escapeTemplate(s: string): string {
  return s.replace(/\$\{(?!TfToken\[)/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** `escapeTemplate` on every string value of a rendered element (object keys stay as they are). */
function escapeValues(v: unknown): unknown {
  if (typeof v === 'string') return escapeTemplate(v);
  if (Array.isArray(v)) return v.map(escapeValues);
  // Only plain objects are rebuilt: tokens (IResolvable instances) and other class instances keep
  // their identity and resolve later.
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = escapeValues(x);
    return out;
  }
  return v;
}

class TemplateEscaping implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformElement) || ESCAPED.has(node)) return;
    if (!node.node.scopes.some((s) => LIBRARY_SCOPES.has(s))) return;
    ESCAPED.add(node);
    const element = node as any;
    for (const method of ['toTerraform', 'toHclTerraform'] as const) {
      const render = element[method];
      if (typeof render !== 'function') continue;
      Object.defineProperty(node, method, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => escapeValues(render.apply(node, args)),
      });
    }
  }
}

const ESCAPING = new TemplateEscaping();

/**
 * `value` with every string escaped for Terraform's template syntax, for literal data the
 * library hands to cdktf outside an element's own arguments (a `for_each` map is resolved after
 * the element is rendered, so the aspect never sees it). cdktf tokens are left alone.
 */
export function escapedLiteral<T>(value: T): T {
  return escapeValues(value) as T;
}

/**
 * Mark `scope` as the library's: every Terraform element in its subtree is escaped for Terraform's
 * template syntax when its stack is rendered. Call from the constructor of each public construct
 * and of each per-stack scope the library creates.
 */
export function libraryScope<T extends IConstruct>(scope: T): T {
  LIBRARY_SCOPES.add(scope);
  stackSingleton(scope, 'core:template-escaping', (stack) => {
    Aspects.of(stack).add(ESCAPING);
    return true;
  });
  return scope;
}

/**
 * A Terraform expression the library writes itself (`length(var.x) > 0`), as a token: it reaches
 * the JSON as `${expression}` and is not escaped like text.
 */
export function terraformExpression(expression: string): string {
  const resolvable: IResolvable = {
    creationStack: [],
    resolve: () => `\${${expression}}`,
    toString: () => Token.asString(resolvable),
  };
  return Token.asString(resolvable);
}

/** cdktf's `Lazy`, with every string it produces escaped for Terraform's template syntax. */
export class EscapingLazy {
  public static stringValue(producer: IStringProducer, options?: LazyStringValueOptions): string {
    return Lazy.stringValue({ produce: (ctx) => escapeValues(producer.produce(ctx)) as string | undefined }, options);
  }

  public static listValue(producer: IListProducer, options?: LazyListValueOptions): string[] {
    return Lazy.listValue({ produce: (ctx) => escapeValues(producer.produce(ctx)) as string[] | undefined }, options);
  }

  public static anyValue(producer: IAnyProducer, options?: LazyAnyValueOptions) {
    return Lazy.anyValue({ produce: (ctx) => escapeValues(producer.produce(ctx)) }, options);
  }

  private constructor() {}
}
