import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { ServiceLevelObjective } from '@cdktf/provider-datadog/lib/service-level-objective';
import { Annotations, Aspects, IAspect, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { catalogValues } from './private/catalog';
import { DATADOG_TAG, DATADOG_TAG_MAX } from './private/query';
import { stackSingleton } from '../core/private/stack-registry';
import { fail, requireStringMap } from '../core/private/validate';

/**
 * Tags that every Datadog monitor and SLO of a stack carries (`tenant:acme` on everything of a
 * tenant's stack), whenever and by whichever construct the monitor or SLO is created, L1
 * resources included. A resource's own tag with the same key gives way to the stack's (a synth
 * warning names it).
 *
 * Datadog dashboards are left as they are: they take only `team:<name>` tags ("tags", Datadog
 * API "Create a new dashboard", docs.datadoghq.com/api/latest/dashboards).
 */
export class DatadogStackTags {
  /**
   * Add `key:value` tags to every Datadog monitor and SLO in the stack of `scope`.
   * @param scope any construct in the stack
   * @param tags tag key to value; lower-case, Datadog's tag characters
   */
  public static add(scope: IConstruct, tags: { [key: string]: string }): void {
    if (tags === undefined) fail(scope, 'tags', tags, 'a map of tag keys to values');
    const map = requireStringMap(scope, 'tags', tags, /^[a-z][a-z0-9_.\-/]*$/, 'a Datadog tag key: a lower-case letter, then lower-case letters, digits, _ . - /');
    const aspect = stackSingleton(scope, 'datadog:stack-tags', (stack) => {
      const a = new StackTags();
      Aspects.of(stack).add(a);
      return a;
    });
    for (const [k, v] of Object.entries(map)) {
      const tag = `${k}:${v}`;
      if (Token.isUnresolved(v) || !DATADOG_TAG.test(tag) || tag.length > DATADOG_TAG_MAX || tag !== tag.toLowerCase()) {
        fail(scope, `tags.${k}`, tag, `a lower-case Datadog tag: a letter, then letters, digits, _ - : . /, at most ${DATADOG_TAG_MAX} characters`);
      }
      const known = aspect.tags.get(k);
      if (known !== undefined && known !== v) fail(scope, `tags.${k}`, v, `the value the stack already tags ${k} with (${known})`);
      aspect.tags.set(k, v);
    }
  }

  private constructor() {}
}

class StackTags implements IAspect {
  public readonly tags = new Map<string, string>();

  public visit(node: IConstruct): void {
    if (!(node instanceof Monitor) && !(node instanceof ServiceLevelObjective)) return;
    const values = node instanceof Monitor ? catalogValues(node) : undefined;
    if (values) {
      // A catalog's monitors: the tags of each for_each value.
      for (const [key, v] of Object.entries(values)) {
        const tags = this.merge(node, v.tags as string[], ` (monitor "${key}")`);
        if (tags) v.tags = tags;
      }
      return;
    }
    const own = node.tagsInput ?? [];
    if (Token.isUnresolved(own)) {
      Annotations.of(node).addWarning(`${node.node.path}: its tags are a token, so the stack's Datadog tags (${this.rendered().join(', ')}) are not added`);
      return;
    }
    const tags = this.merge(node, own, '');
    if (tags) node.tags = tags;
  }

  /** `own` with the stack's tags, or undefined when that changes nothing. */
  private merge(node: IConstruct, own: string[], where: string): string[] | undefined {
    const keys = new Set(this.tags.keys());
    const kept = own.filter((t) => {
      const key = t.split(':')[0];
      if (!keys.has(key) || t === `${key}:${this.tags.get(key)}`) return !keys.has(key);
      Annotations.of(node).addWarning(`${node.node.path}${where}: the tag ${t} gives way to the stack's ${key}:${this.tags.get(key)}`);
      return false;
    });
    const all = [...new Set([...kept, ...this.rendered()])].sort();
    return JSON.stringify(all) !== JSON.stringify(own) ? all : undefined;
  }

  private rendered(): string[] {
    return [...this.tags.entries()].map(([k, v]) => `${k}:${v}`).sort();
  }
}
