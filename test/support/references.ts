/**
 * Finds relations between two resources of one synthesized stack that are written as a copied
 * literal (a name, uid, title …) instead of a Terraform reference. A copied name gives Terraform
 * no dependency: it may create, replace or destroy the two in the wrong order (Grafana answers
 * 409 when a contact point still used by the policy is deleted first), and a rename of one
 * silently breaks the other.
 */
import { expandForEach } from './for-each';

/** One argument of a resource that repeats another resource's identifying value. */
export interface CopiedName {
  /** `type.name` (or `data.type.name`) of the resource whose argument holds the copy. */
  readonly resource: string;
  /** Path of the argument inside it (`<json>` marks a JSON-encoded string). */
  readonly path: string;
  /** The copied literal. */
  readonly value: string;
  /** `type.name.attribute` of the resource the value identifies (several joined by ` or `). */
  readonly identifies: string;
}

/**
 * A relation the provider can only express with a literal (it takes a name and the named
 * resource exports no attribute holding it). The consumer must then declare `depends_on` on
 * the named resource, which `findCopiedNames` asserts.
 */
export interface AllowedCopy {
  /** Resource type of the consumer. */
  readonly consumerType: string;
  /** The consumer's argument path (dots; list indexes are `*`). */
  readonly path: string;
  /** Resource type of the named resource. */
  readonly namedType: string;
  /** Why the provider leaves no attribute to reference. */
  readonly reason: string;
}

/**
 * The copies allowed because the provider offers nothing to reference. Keep it small and say why.
 * (Empty today: every relation the library renders has an attribute to reference.)
 */
export const ALLOWED_COPIES: AllowedCopy[] = [];

/** Top-level attributes that identify the resource they are set on (`bucket` on aws_s3_bucket only). */
const IDENTIFYING = new Set([
  'name', 'uid', 'title', 'arn', 'alarm_name', 'dashboard_name', 'configuration_name', 'role_name',
  'function_name', 'queue_name', 'topic_name', 'variable_name', 'rule_name', 'environment',
]);
const IDENTIFYING_BY_TYPE: Record<string, string[]> = { aws_s3_bucket: ['bucket'] };
/** Attributes that are arguments naming something else on these types, not the resource's own identity. */
const NOT_IDENTIFYING_BY_TYPE: Record<string, string[]> = {
  aws_cloudwatch_event_target: ['arn'],
  github_repository_environment: [],
};

/**
 * Keys whose values are free text or labels, never a pointer to another resource: display
 * titles and descriptions (a dashboard panel titled like the alarm it shows), messages,
 * tag and label values (a tag `service:checkout` equal to a folder uid), HTTP header values,
 * enumerations (`type`: a data source plugin id such as `prometheus`) and metric namespaces.
 */
const FREE_TEXT = new Set([
  'title', 'name', 'description', 'alarm_description', 'summary', 'text', 'message', 'escalation_message',
  'label', 'legendFormat', 'displayName', 'alertName', 'type', 'namespace', 'Sid',
]);
const LABEL_SUBTREES = new Set(['tags', 'tags_all', 'labels', 'tag', 'header', 'headers', 'custom_headers']);
/** Meta-arguments that are not arguments of the resource. */
const META = new Set(['depends_on', 'provider', 'lifecycle', 'count', 'for_each', 'connection', 'provisioner']);
/** Metric dimensions and metric rows name watched AWS resources: only AWS resources can be named there. */
const METRIC_SUBTREES = new Set(['dimensions', 'metrics', 'metric_query']);
/** JSON bodies (dashboards) whose own top-level uid/title identify the consumer itself. */
const OWN_IDENTITY_IN_BODY = new Set(['uid', 'title', 'id']);

const isReference = (s: string) => s.includes('${');

interface Identity { readonly type: string; readonly address: string; readonly attribute: string; readonly value: string }

function identities(json: any): Identity[] {
  const out: Identity[] = [];
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    const keys = new Set([...IDENTIFYING, ...(IDENTIFYING_BY_TYPE[type] ?? [])]);
    for (const k of NOT_IDENTIFYING_BY_TYPE[type] ?? []) keys.delete(k);
    for (const [name, body] of Object.entries<any>(byName)) {
      for (const [k, v] of Object.entries<any>(body)) {
        // Values shorter than three characters are not distinctive (`1`, `v2` …).
        if (keys.has(k) && typeof v === 'string' && !isReference(v) && v.length >= 3) {
          out.push({ type, address: `${type}.${name}`, attribute: k, value: v });
        }
      }
    }
  }
  return out;
}

type Path = (string | number)[];

function walk(value: unknown, path: Path, visit: (path: Path, s: string) => void): void {
  if (typeof value === 'string') {
    if (/^\s*[[{]/.test(value)) {
      try {
        return walk(JSON.parse(value), [...path, '<json>'], visit);
      } catch {
        // not JSON: a plain string
      }
    }
    visit(path, value);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, i], visit));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('//')) continue; // cdktf metadata
      if (path.length === 0 && META.has(k)) continue;
      walk(v, [...path, k], visit);
    }
  }
}

/** Whether the string at `path` (inside `body`) can be a pointer to `id`. */
function canPoint(body: any, path: Path, id: Identity): boolean {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys[keys.length - 1];
  // The consumer's own identity: two resources that share a name are not related (one monitor
  // rendered to three backends has three equal titles).
  if (path.length === 1 && IDENTIFYING.has(last)) return false;
  const json = path.indexOf('<json>');
  if (json >= 0 && path.length === json + 2 && OWN_IDENTITY_IN_BODY.has(last)) return false;
  if (FREE_TEXT.has(last)) return false;
  if (keys.some((k) => LABEL_SUBTREES.has(k))) return false;
  if (keys.some((k) => METRIC_SUBTREES.has(k)) && !id.type.startsWith('aws_')) return false;
  // Grafana template variables: `current` is the selected value shown, and a `datasource`
  // variable's `query` is the plugin id.
  const t = keys.indexOf('templating');
  if (t >= 0 && (keys.includes('current') || last === 'query' || last === 'options')) return false;
  void body;
  return true;
}

function matches(s: string, id: Identity): boolean {
  if (s === id.value) return true;
  // an ARN spelled out with the name as its last segment
  return s.startsWith('arn:') && (s.endsWith(`:${id.value}`) || s.endsWith(`/${id.value}`));
}

/** `a.b.0.c` → `a.b.*.c`. */
function pattern(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
}

/**
 * Every argument of a resource (or data source) in `json` whose literal value equals an
 * identifying value of another resource of the same stack, in nested blocks, lists and
 * JSON-encoded strings too. Datadog mentions (`@webhook-<name>`) of a webhook of the stack
 * written literally are copies as well. An allowed copy is returned unless its consumer
 * `depends_on` the named resource.
 */
export function findCopiedNames(stackJson: any, allowed: AllowedCopy[] = ALLOWED_COPIES): CopiedName[] {
  // Each instance of a for_each resource is looked at with its own values.
  const json = expandForEach(stackJson);
  const ids = identities(json);
  const found: CopiedName[] = [];
  const webhooks = Object.entries<any>(json.resource?.datadog_webhook ?? {})
    .filter(([, w]) => typeof w.name === 'string' && !isReference(w.name))
    .map(([n, w]) => ({ address: `datadog_webhook.${n}`, name: w.name as string }));
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<any>(json[kind] ?? {})) {
      for (const [name, body] of Object.entries<any>(byName)) {
        const address = `${kind === 'data' ? 'data.' : ''}${type}.${name}`;
        const dependsOn: string[] = body.depends_on ?? [];
        walk(body, [], (path, s) => {
          if (type.startsWith('datadog_') && ['message', 'escalation_message'].includes(String(path[path.length - 1]))) {
            for (const w of webhooks) {
              const handle = new RegExp(`@webhook-${w.name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![A-Za-z0-9_-])`);
              if (handle.test(s)) found.push({ resource: address, path: path.join('.'), value: `@webhook-${w.name}`, identifies: `${w.address}.name` });
            }
          }
          if (isReference(s)) return;
          // One finding per argument, naming every resource the value identifies (a metric
          // stream and its delivery stream may share a name).
          const named = ids.filter((id) => id.address !== address && matches(s, id) && canPoint(body, path, id)).filter((id) => {
            const allow = allowed.find((a) => a.consumerType === type && a.path === pattern(path) && a.namedType === id.type);
            return !(allow && dependsOn.includes(id.address));
          });
          if (named.length > 0) {
            found.push({ resource: address, path: path.join('.'), value: s, identifies: named.map((id) => `${id.address}.${id.attribute}`).join(' or ') });
          }
        });
      }
    }
  }
  return found;
}
