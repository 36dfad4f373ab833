import { IConstruct } from 'constructs';
import { FEATURE_ACCEPTED, FEATURE_PATTERN, SETTING_KEY_ACCEPTED, SETTING_KEY_PATTERN, TAG_KEY_ACCEPTED, TAG_KEY_PATTERN, TENANTS_SCHEMA } from './private/schema-tenants';
import { CatalogIssue, formatOf, IssueCollector, parseYamlOrJson, readText, SourceDocument, SourcePath, validateAgainstSchema, verbatim } from './private/source';
import { TenantProps } from './tenant';
import { pathOf, ValidationError } from '../core/errors';
import { describe } from '../core/private/validate';

/** A tenant catalog written in code. */
export interface TenantCatalogProps {
  /**
   * Every feature a tenant can switch on. A tenant that names another feature, and a
   * `tenant.isEnabled()` call with another feature, is a ValidationError.
   * @default - no features
   */
  readonly features?: string[];
  /** The tenants (at least one), each one stack. */
  readonly tenants: TenantProps[];
}

/**
 * The tenants of an app, from a YAML or JSON file or from code. Nothing is read until the
 * catalog is given to `TenantStacks`, which validates it and reports every problem at once
 * (with file:line:column for a file).
 *
 * File format (JSON Schema: `schemas/tenants.schema.json`):
 *
 * ```yaml
 * features: [datadog, grafana, jira]
 * tenants:
 *   - id: acme
 *     displayName: Acme Corp
 *     features: { datadog: true, grafana: true, jira: true }
 *     tags: { tier: gold }
 *     orgIds: { grafana: 2 }
 *     settings: { jiraProject: ACME }
 * ```
 *
 * Refused: a tenant id used twice or not of the form `[a-z][a-z0-9-]*`, a feature a tenant
 * names that `features` does not declare, a feature declared twice, an organization id that is
 * not a positive whole number or that two tenants share, the reserved tag key `tenant`, and any
 * field the schema does not know.
 */
export class TenantCatalog {
  /** A catalog file: YAML (`.yaml`, `.yml`) or JSON (`.json`), one document. */
  public static fromFile(file: string): TenantCatalog {
    return new TenantCatalog(file, undefined);
  }

  /** A catalog written in code. */
  public static fromTenants(props: TenantCatalogProps): TenantCatalog {
    return new TenantCatalog(undefined, props);
  }

  /**
   * The file the catalog is read from.
   * @default - a catalog written in code
   */
  public readonly file?: string;
  private readonly props?: TenantCatalogProps;

  private constructor(file: string | undefined, props: TenantCatalogProps | undefined) {
    this.file = file;
    this.props = props;
  }

  /**
   * The validated catalog; every problem is reported at once as a ValidationError naming
   * `scope` (the file's problems with file:line:column).
   * @internal
   */
  public _load(scope: IConstruct): { features: string[]; tenants: TenantProps[] } {
    const issues = new IssueCollector();
    let doc: SourceDocument | undefined;
    let label: string;
    if (this.file !== undefined) {
      label = this.file;
      if (typeof this.file !== 'string' || formatOf(this.file) === undefined || formatOf(this.file) === 'csv') {
        throw new ValidationError(pathOf(scope), 'catalog', describe(this.file), 'a .yaml, .yml or .json tenant catalog file');
      }
      const docs = parseYamlOrJson(this.file, readText(scope, 'catalog', this.file), issues);
      if (docs.length > 1) {
        issues.add(docs[1].issue([], verbatim(`${docs.length} documents`), 'one document (a tenant catalog is one document)'));
      } else if (docs.length === 0 && issues.empty) {
        issues.add({ file: this.file, field: '(document)', received: 'an empty file', accepted: 'a tenant catalog' });
      }
      doc = docs[0];
    } else {
      label = 'catalog';
      // Code values pass through JSON first: absent optional props vanish, and what a jsii
      // caller may pass that JSON cannot hold (a function, NaN) shows up as the wrong type.
      let data: unknown;
      try {
        data = JSON.parse(JSON.stringify(this.props ?? null) ?? 'null');
      } catch {
        data = null;
      }
      doc = new SourceDocument(label, data, () => undefined);
    }
    if (doc) {
      validateAgainstSchema(TENANTS_SCHEMA, doc, issues);
      checkRules(doc, issues);
    }
    if (!issues.empty) throwIssues(scope, label, issues.issues, this.file === undefined);
    const data = doc!.data as { features?: string[]; tenants: TenantProps[] };
    return { features: data.features ?? [], tenants: data.tenants };
  }
}

/**
 * The rules the schema cannot say. They run whether or not the schema found problems (so that
 * every problem is reported at once), and skip values of the wrong type (the schema reports those).
 */
function checkRules(doc: SourceDocument, issues: IssueCollector): void {
  const data = doc.data as Record<string, unknown> | null;
  if (!isObject(data)) return;
  const features = Array.isArray(data.features) ? data.features : [];
  const declared = new Set<string>();
  features.forEach((f, i) => {
    if (typeof f !== 'string') return;
    if (declared.has(f)) issues.add(doc.issue(['features', i], f, 'a feature declared once'));
    declared.add(f);
  });
  const accepted = declared.size ? `a feature declared in 'features' (${[...declared].sort().join(', ')})` : 'a feature declared in \'features\' (none is declared)';
  if (Array.isArray(data.tenants) && data.tenants.length === 0) issues.add(doc.issue(['tenants'], data.tenants, 'a list of at least one tenant'));
  const tenants = Array.isArray(data.tenants) ? data.tenants : [];
  const ids = new Map<string, number>();
  const orgs = new Map<string, string>();
  tenants.forEach((t: unknown, i) => {
    if (!isObject(t)) return;
    const at: SourcePath = ['tenants', i];
    if (typeof t.id === 'string') {
      const first = ids.get(t.id);
      if (first !== undefined) issues.add(doc.issue([...at, 'id'], t.id, `a tenant id not used by another tenant (tenants[${first}] has it)`));
      else ids.set(t.id, i);
    }
    // A `features` that is not a list is reported by the schema; checking against it would flag every feature.
    const checkFeatures = data.features === undefined || Array.isArray(data.features);
    for (const f of isObject(t.features) && checkFeatures ? Object.keys(t.features) : []) {
      if (!declared.has(f)) issues.add(doc.issue([...at, 'features', f], f, new RegExp(FEATURE_PATTERN).test(f) ? accepted : `${FEATURE_ACCEPTED}, declared in 'features'`));
    }
    for (const k of isObject(t.tags) ? Object.keys(t.tags) : []) {
      if (k === 'tenant') issues.add(doc.issue([...at, 'tags', k], k, 'a key other than tenant (the tag tenant:<id> is always added)'));
      else if (!new RegExp(TAG_KEY_PATTERN).test(k)) issues.add(doc.issue([...at, 'tags', k], k, TAG_KEY_ACCEPTED));
    }
    for (const k of isObject(t.settings) ? Object.keys(t.settings) : []) {
      if (!new RegExp(SETTING_KEY_PATTERN).test(k)) issues.add(doc.issue([...at, 'settings', k], k, SETTING_KEY_ACCEPTED));
    }
    for (const [system, org] of isObject(t.orgIds) ? Object.entries(t.orgIds) : []) {
      if (!/^[a-z][a-z0-9-]{0,63}$/.test(system)) {
        issues.add(doc.issue([...at, 'orgIds', system], system, 'a system name: 1-64 lower-case letters, digits and hyphens, starting with a letter (e.g. grafana)'));
        continue;
      }
      if (!Number.isInteger(org)) continue;
      const key = `${system}:${org}`;
      const owner = orgs.get(key);
      if (owner !== undefined) issues.add(doc.issue([...at, 'orgIds', system], org, `an organization id of ${system} that no other tenant has (tenant ${owner} has ${org})`));
      else orgs.set(key, typeof t.id === 'string' ? t.id : `tenants[${i}]`);
    }
  });
}

function isObject(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function throwIssues(scope: IConstruct, label: string, issues: CatalogIssue[], inCode: boolean): never {
  const field = (f: string) => (f === '(document)' ? 'catalog' : `catalog.${f}`);
  if (inCode && issues.length === 1) {
    const i = issues[0];
    throw new ValidationError(pathOf(scope), field(i.field), i.received, i.accepted);
  }
  const c = new IssueCollector();
  for (const i of issues) c.add(inCode ? { ...i, field: field(i.field) } : i);
  c.throwIfAny(scope, label);
  throw new Error('unreachable');
}
