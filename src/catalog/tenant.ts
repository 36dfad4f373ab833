import { IConstruct } from 'constructs';
import { fail } from '../core/private/validate';

/** One tenant of a `TenantCatalog`, as written in code (the file format has the same fields). */
export interface TenantProps {
  /**
   * The tenant's id: 1-32 lower-case letters, digits and single hyphens, starting with a
   * letter. It names the tenant's stack (`tenant-<id>`), state key, secret paths and the
   * `tenant:<id>` tag.
   */
  readonly id: string;
  /**
   * A human-readable name (1-100 characters).
   * @default - the id
   */
  readonly displayName?: string;
  /**
   * Features switched on (true) or off (false). Every feature named must be declared in the
   * catalog's `features`.
   * @default - every feature is off
   */
  readonly features?: { [feature: string]: boolean };
  /**
   * Tags of everything the tenant's stack creates (Datadog monitors and SLOs as `key:value`,
   * AWS resources as default tags). Lower-case keys and values; `tenant` is reserved (the
   * `tenant:<id>` tag is always added).
   * @default - only `tenant:<id>`
   */
  readonly tags?: { [key: string]: string };
  /**
   * The tenant's own organization in a system, by system: `{ grafana: 3 }` is the Grafana
   * organization the tenant's Grafana resources are created in. Positive whole numbers; two
   * tenants never share one.
   * @default - none
   */
  readonly orgIds?: { [system: string]: number };
  /**
   * Per-tenant overrides that your builders read with `tenant.setting(key)` (a Jira project
   * key, a threshold, a channel): keys of letters, digits, `_ . -`, string values.
   * @default - none
   */
  readonly settings?: { [key: string]: string };
}

/**
 * One tenant, validated by its catalog: its id, name, feature flags, tags and organizations.
 * Tenants are created by `TenantStacks` from a `TenantCatalog`.
 */
export class Tenant {
  /** @internal */
  public static _of(scope: IConstruct, declaredFeatures: string[], props: TenantProps): Tenant {
    return new Tenant(scope, declaredFeatures, props);
  }

  /** The tenant's id. */
  public readonly id: string;
  /** The tenant's human-readable name. */
  public readonly displayName: string;
  /** The features declared in the catalog (on or off for this tenant), sorted. */
  public readonly declaredFeatures: string[];

  private readonly scope: IConstruct;
  private readonly _features: Record<string, boolean>;
  private readonly _tags: Record<string, string>;
  private readonly _orgIds: Record<string, number>;
  private readonly _settings: Record<string, string>;

  private constructor(scope: IConstruct, declaredFeatures: string[], props: TenantProps) {
    this.scope = scope;
    this.id = props.id;
    this.displayName = props.displayName ?? props.id;
    this.declaredFeatures = [...declaredFeatures].sort();
    this._features = sortedCopy(props.features ?? {});
    this._tags = sortedCopy(props.tags ?? {});
    this._orgIds = sortedCopy(props.orgIds ?? {});
    this._settings = sortedCopy(props.settings ?? {});
  }

  /**
   * Whether `feature` is on for this tenant. A feature the catalog does not declare is a
   * ValidationError (a typo never silently switches an integration off).
   */
  public isEnabled(feature: string): boolean {
    if (typeof feature !== 'string' || !this.declaredFeatures.includes(feature)) {
      fail(this.scope, 'feature', feature, this.declaredFeatures.length
        ? `a feature declared in the tenant catalog (${this.declaredFeatures.join(', ')})`
        : 'a feature declared in the tenant catalog (it declares none)');
    }
    return this._features[feature] === true;
  }

  /** The features that are on, sorted. */
  public get enabledFeatures(): string[] {
    return this.declaredFeatures.filter((f) => this._features[f] === true);
  }

  /** The tenant's tags (without the `tenant` tag), sorted by key. */
  public get tags(): { [key: string]: string } {
    return { ...this._tags };
  }

  /** The tenant's tags with `tenant: <id>` first. */
  public get tagsWithTenant(): { [key: string]: string } {
    return { tenant: this.id, ...this._tags };
  }

  /** The tenant's settings, sorted by key. */
  public get settings(): { [key: string]: string } {
    return { ...this._settings };
  }

  /**
   * The tenant's setting `key`, or `defaultValue` when the tenant has none.
   * @param key the key of the setting
   * @param defaultValue what a tenant without the setting gets (none: undefined)
   * @returns the value, or `defaultValue`
   */
  public setting(key: string, defaultValue?: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this._settings, key) ? this._settings[key] : defaultValue;
  }

  /**
   * The tenant's organization id in `system` (the key of `orgIds`).
   * @returns the id, or undefined when the tenant has none in that system
   */
  public orgId(system: string): number | undefined {
    return this._orgIds[system];
  }
}

function sortedCopy<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}
