import { MonitorConfig } from './monitor-config';
import { makeImmutable } from '../core/private/immutable';

enum RuleOp {
  MONITOR = 'MONITOR',
  ALL = 'ALL',
  ANY = 'ANY',
  NOT = 'NOT',
}

/** How a rule's leaves and operators are written in one backend's language. */
interface RuleSyntax {
  readonly and: string;
  readonly or: string;
  leaf(monitor: MonitorConfig): string;
  not(inner: string): string;
}

/**
 * A boolean expression over monitors: when a `CompositeMonitor` alerts. An immutable value,
 * built with `AlarmRule.monitor(m)`, `allOf(...)`, `anyOf(...)` and `not(...)`.
 *
 * Datadog writes it over monitor ids with `&&`, `||` and `!`; CloudWatch as an alarm rule
 * `ALARM("name") AND …` with `AND`, `OR` and `NOT`.
 */
export class AlarmRule {
  /** True when `monitor` alerts (its critical alert; warnings do not count). */
  public static monitor(monitor: MonitorConfig): AlarmRule {
    return new AlarmRule(RuleOp.MONITOR, [], monitor);
  }

  /** True when every rule is true. */
  public static allOf(...rules: AlarmRule[]): AlarmRule {
    return new AlarmRule(RuleOp.ALL, rules);
  }

  /** True when at least one rule is true. */
  public static anyOf(...rules: AlarmRule[]): AlarmRule {
    return new AlarmRule(RuleOp.ANY, rules);
  }

  /** True when `rule` is false. */
  public static not(rule: AlarmRule): AlarmRule {
    return new AlarmRule(RuleOp.NOT, [rule]);
  }

  private readonly op: RuleOp;
  private readonly operands: AlarmRule[];
  private readonly leaf?: MonitorConfig;

  private constructor(op: RuleOp, operands: AlarmRule[], leaf?: MonitorConfig) {
    this.op = op;
    this.operands = [...operands];
    this.leaf = leaf;
    makeImmutable(this);
  }

  /** The distinct monitors the rule names, in the order they first appear. */
  public get monitors(): MonitorConfig[] {
    const out: MonitorConfig[] = [];
    const walk = (r: AlarmRule) => {
      if (!(r instanceof AlarmRule)) return;
      if (r.leaf) {
        if (!out.includes(r.leaf)) out.push(r.leaf);
        return;
      }
      r.operands.forEach(walk);
    };
    walk(this);
    return out;
  }

  /** The rule with monitor titles, for messages: `ALL(a, NOT(b))`. */
  public toString(): string {
    if (this.leaf) return JSON.stringify(this.leaf.title);
    return `${this.op}(${this.operands.map((o) => (o instanceof AlarmRule ? o.toString() : String(o))).join(', ')})`;
  }

  /**
   * Why the rule is malformed, or undefined when it is well formed (every operand an AlarmRule,
   * allOf/anyOf with at least one operand, a MonitorConfig at each leaf).
   * @internal
   */
  public _problem(): string | undefined {
    if (this.op === RuleOp.MONITOR) return this.leaf instanceof MonitorConfig ? undefined : 'AlarmRule.monitor() takes a MonitorConfig';
    if (this.operands.length === 0) return `${this.op === RuleOp.ALL ? 'allOf' : 'anyOf'}() needs at least one rule`;
    for (const o of this.operands) {
      if (!(o instanceof AlarmRule)) return 'operands must be AlarmRule values';
      const p = o._problem();
      if (p) return p;
    }
    return undefined;
  }

  /** Datadog composite query over monitor ids: `a && (b || !c)`. @internal */
  public _renderDatadog(id: (m: MonitorConfig) => string): string {
    return this.render({ leaf: id, and: '&&', or: '||', not: (s) => `!${s}` }, true);
  }

  /** CloudWatch alarm rule: `ALARM("a") AND (ALARM("b") OR NOT ALARM("c"))`. @internal */
  public _renderCloudWatch(name: (m: MonitorConfig) => string): string {
    return this.render({ leaf: (m) => `ALARM("${name(m)}")`, and: 'AND', or: 'OR', not: (s) => `NOT ${s}` }, true);
  }

  private render(syntax: RuleSyntax, top: boolean): string {
    switch (this.op) {
      case RuleOp.MONITOR:
        return syntax.leaf(this.leaf!);
      case RuleOp.NOT:
        return syntax.not(this.operands[0].render(syntax, false));
      default: {
        if (this.operands.length === 1) return this.operands[0].render(syntax, top);
        const joined = this.operands.map((o) => o.render(syntax, false)).join(` ${this.op === RuleOp.ALL ? syntax.and : syntax.or} `);
        return top ? joined : `(${joined})`;
      }
    }
  }
}
