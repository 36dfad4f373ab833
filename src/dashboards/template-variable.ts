import { makeImmutable } from '../core/private/immutable';

/** The kinds of template variable. */
export enum TemplateVariableKind {
  /** The deployment environment (`env` tag or label). */
  ENV = 'ENV',
  /** The service (`service` tag or label). */
  SERVICE = 'SERVICE',
  /** The AWS region (`region` tag or label). */
  REGION = 'REGION',
  /** A variable with a fixed list of values. */
  CUSTOM = 'CUSTOM',
  /** A variable whose values a backend looks up (Datadog tag values, a PromQL label query). */
  QUERY = 'QUERY',
}

/** Options of the well-known template variables. */
export interface TemplateVariableOptions {
  /**
   * The values offered. Datadog shows them as the variable's available values; Grafana makes
   * a custom variable of them.
   * @default - any value (Datadog: every value of the tag; Grafana: a text box)
   */
  readonly values?: string[];
  /**
   * The value selected when the dashboard opens.
   * @default - all values (`*`) where a backend has "all", else the first value
   */
  readonly defaultValue?: string;
  /**
   * The label shown next to the variable.
   * @default - the name
   */
  readonly label?: string;
}

/** How a query variable finds its values on each backend. */
export interface QueryVariableProps {
  /**
   * The Datadog tag key whose values the variable offers (Datadog `prefix`).
   * @default - the variable's name
   */
  readonly datadogTag?: string;
  /**
   * A Prometheus variable query run on the Grafana backend's data source, e.g.
   * `label_values(up{job="checkout"}, instance)`.
   * @default - Grafana shows a text box
   */
  readonly promQlQuery?: string;
  /**
   * The value selected when the dashboard opens.
   * @default - all values (`*`)
   */
  readonly defaultValue?: string;
  /**
   * The label shown next to the variable.
   * @default - the name
   */
  readonly label?: string;
}

/**
 * A dashboard template variable, referenced in queries as `$name` (Datadog `$env`, Grafana
 * `$env` / `${env}`). An immutable value.
 *
 * CloudWatch dashboards render no template variables: queries drawn there must not reference
 * one (the dashboard says so at synth).
 */
export class TemplateVariable {
  /** The `env` variable (Datadog tag `env`). */
  public static env(options: TemplateVariableOptions = {}): TemplateVariable {
    return new TemplateVariable(TemplateVariableKind.ENV, 'env', 'env', options.values, options.defaultValue, options.label);
  }

  /** The `service` variable (Datadog tag `service`). */
  public static service(options: TemplateVariableOptions = {}): TemplateVariable {
    return new TemplateVariable(TemplateVariableKind.SERVICE, 'service', 'service', options.values, options.defaultValue, options.label);
  }

  /** The `region` variable (Datadog tag `region`). */
  public static region(options: TemplateVariableOptions = {}): TemplateVariable {
    return new TemplateVariable(TemplateVariableKind.REGION, 'region', 'region', options.values, options.defaultValue, options.label);
  }

  /**
   * A variable with a fixed list of values (Datadog: the tag named `name`).
   * @param name letters, digits and _, starting with a letter
   * @param choices the values offered, at least one
   */
  public static custom(name: string, choices: string[], options: TemplateVariableOptions = {}): TemplateVariable {
    return new TemplateVariable(TemplateVariableKind.CUSTOM, name, name, choices, options.defaultValue, options.label);
  }

  /**
   * A variable whose values each backend looks up.
   * @param name letters, digits and _, starting with a letter
   */
  public static query(name: string, props: QueryVariableProps = {}): TemplateVariable {
    return new TemplateVariable(TemplateVariableKind.QUERY, name, props.datadogTag ?? name, undefined, props.defaultValue, props.label,
      props.promQlQuery);
  }

  /** The kind. */
  public readonly kind: TemplateVariableKind;
  /** The name, referenced as `$name`. */
  public readonly name: string;
  /** The Datadog tag key. */
  public readonly tag: string;
  /**
   * The values offered.
   * @default - any value
   */
  public readonly values?: string[];
  /**
   * The default value.
   * @default - all values
   */
  public readonly defaultValue?: string;
  /**
   * The label.
   * @default - the name
   */
  public readonly label?: string;
  /**
   * The Prometheus variable query.
   * @default - none
   */
  public readonly promQlQuery?: string;

  private constructor(kind: TemplateVariableKind, name: string, tag: string, values?: string[], defaultValue?: string,
    label?: string, promQlQuery?: string) {
    this.kind = kind;
    this.name = name;
    this.tag = tag;
    this.values = Array.isArray(values) ? [...values] : values;
    this.defaultValue = defaultValue;
    this.label = label;
    this.promQlQuery = promQlQuery;
    makeImmutable(this);
  }
}
