/**
 * Checks Terraform `datadog_*` resource bodies against the models of Datadog's official API
 * client (`@datadog/datadog-api-client`): every model's `attributeTypeMap` names its fields
 * (`baseName`), their types and which are required; the client's ObjectSerializer knows the
 * enums and oneOf unions. The Terraform arguments are first mapped to the API body the provider
 * sends (one table per resource below), then walked field by field.
 */
import { v1, v2 } from '@datadog/datadog-api-client';
import { mapInterpolations } from './terraform-strings';

/**
 * A JSON document as Terraform sends it: each interpolation (a reference, known at apply, whose
 * expression may hold quotes: `${lower(split("/", x))}`) stands for a string value.
 */
const withoutInterpolations = (text: string) => mapInterpolations(text, () => 'tf-reference');

/** One problem: where in the API body, and what. */
export interface ContractFinding {
  readonly path: string;
  readonly problem: string;
}

type Attr = { baseName: string; type: string; required?: boolean };
type Model = { getAttributeTypeMap(): Record<string, Attr> };

/** The API version whose models a body is checked against (DORA Metrics is v2). */
export type ApiVersion = 'v1' | 'v2';
const modelsOf = (api: ApiVersion) => (api === 'v1' ? v1 : v2) as unknown as Record<string, Model | undefined>;
const serializerOf = (api: ApiVersion) => ((api === 'v1' ? v1 : v2) as any).ObjectSerializer;

/** A Terraform reference or expression, whose value is known only at apply time. */
const isReference = (v: unknown): boolean => typeof v === 'string' && v.includes('${');

function attributes(type: string, api: ApiVersion = 'v1'): Record<string, Attr> | undefined {
  const m = modelsOf(api)[type];
  return m && typeof m.getAttributeTypeMap === 'function' ? m.getAttributeTypeMap() : undefined;
}

/** Validate `value` as the API type `type` (an attributeTypeMap type string). */
export function checkApiValue(value: unknown, type: string, path: string, out: ContractFinding[] = [], api: ApiVersion = 'v1'): ContractFinding[] {
  const find = (problem: string) => out.push({ path, problem });
  if (value === undefined || value === null) return out;
  if (type === 'any' || type === '{ [key: string]: any; }' && typeof value === 'object' && !Array.isArray(value)) return out;
  if (type.startsWith('Array<')) {
    if (!Array.isArray(value)) return find(`expected an array (${type}), got ${JSON.stringify(value)}`), out;
    const sub = type.slice('Array<'.length, -1);
    value.forEach((v, i) => checkApiValue(v, sub, `${path}[${i}]`, out, api));
    return out;
  }
  if (type.startsWith('{ [key: string]: ')) {
    if (typeof value !== 'object' || Array.isArray(value)) return find(`expected a map (${type})`), out;
    const sub = type.slice('{ [key: string]: '.length, -3);
    for (const [k, v] of Object.entries(value as object)) checkApiValue(v, sub, `${path}.${k}`, out, api);
    return out;
  }
  if (type === 'string' || type === 'boolean') {
    if (typeof value !== type) find(`expected a ${type}, got ${JSON.stringify(value)}`);
    return out;
  }
  if (type === 'number') {
    if (typeof value !== 'number' && !isReference(value)) find(`expected a number, got ${JSON.stringify(value)}`);
    return out;
  }
  if (type === 'Date') {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) find(`expected a date-time, got ${JSON.stringify(value)}`);
    return out;
  }
  const attrs = attributes(type, api);
  if (attrs) {
    if (typeof value !== 'object' || Array.isArray(value)) return find(`expected an object (${type}), got ${JSON.stringify(value)}`), out;
    const byBase = new Map(Object.values(attrs).filter((a) => a.baseName !== 'additionalProperties').map((a) => [a.baseName, a]));
    for (const key of Object.keys(value as object)) {
      if (!byBase.has(key)) find(`unknown field '${key}' of ${type} (known: ${[...byBase.keys()].sort().join(', ')})`);
    }
    for (const a of byBase.values()) {
      const v = (value as any)[a.baseName];
      if (a.required && (v === undefined || v === null)) find(`missing required field '${a.baseName}' of ${type}`);
      checkApiValue(v, a.type, `${path}.${a.baseName}`, out, api);
    }
    return out;
  }
  // An enum or a oneOf union: the client's own deserializer decides.
  let parsed: any;
  try {
    parsed = serializerOf(api).deserialize(value, type, '');
  } catch (e) {
    return find(`not a ${type}: ${(e as Error).message}`), out;
  }
  if (parsed === undefined || parsed?.constructor?.name === 'UnparsedObject' || parsed?._unparsed) {
    // A union member that is nearly right: name the branch its `type` selects and check that
    // branch, so the finding says which field is wrong.
    const branch = unionBranch(type, value, api);
    if (branch) {
      const before = out.length;
      checkApiValue(value, branch, path, out, api);
      if (out.length > before) return out;
    }
    return find(`not a valid ${type}: ${JSON.stringify(value).slice(0, 200)}`), out;
  }
  const branch = parsed?.constructor?.name;
  // a oneOf resolved to one model: check that branch strictly (unknown fields, nested enums)
  if (branch && branch !== 'Object' && attributes(branch, api)) checkApiValue(value, branch, path, out, api);
  return out;
}

/** The model of the union `type` (e.g. `TimeseriesWidgetDefinition` of `WidgetDefinition`) whose `type` field takes value.type. */
function unionBranch(type: string, value: unknown, api: ApiVersion = 'v1'): string | undefined {
  const t = (value as any)?.type;
  if (typeof t !== 'string') return undefined;
  const hits = Object.keys(modelsOf(api)).filter((name) => {
    if (name === type || !name.endsWith(type)) return false;
    const attr = Object.values(attributes(name, api) ?? {}).find((a) => a.baseName === 'type');
    if (!attr || attributes(attr.type, api)) return false;
    try {
      return serializerOf(api).deserialize(t, attr.type, '') === t;
    } catch {
      return false;
    }
  });
  return hits.length === 1 ? hits[0] : undefined;
}

// ---- Terraform arguments → API body, once per resource ------------------------------------

/** A Terraform nested block: cdktf writes a single block as an object, a list as an array. */
const block = (v: any): any => (Array.isArray(v) ? v[0] : v);
const num = (v: any): any => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v);
const compact = (o: Record<string, any>): Record<string, any> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Terraform meta-arguments and provider-only arguments: never sent to the API. */
const TERRAFORM_ONLY = new Set(['//', 'provider', 'depends_on', 'lifecycle', 'count', 'for_each', 'validate', 'force_delete']);

/** `datadog_monitor` arguments that become `options.<same name>` unchanged. */
const MONITOR_OPTIONS = [
  'notify_no_data', 'no_data_timeframe', 'renotify_interval', 'renotify_occurrences', 'renotify_statuses', 'evaluation_delay', 'new_group_delay',
  'new_host_delay', 'include_tags', 'require_full_window', 'notify_audit', 'timeout_h', 'escalation_message', 'on_missing_data',
  'notification_preset_name', 'group_retention_duration', 'groupby_simple_monitor', 'notify_by', 'enable_logs_sample', 'enable_samples', 'locked',
  'min_failure_duration', 'min_location_failed',
];
/** `datadog_monitor` arguments at the body's top level, under the same name. */
const MONITOR_TOP = ['name', 'type', 'query', 'message', 'tags', 'restricted_roles'];

/** The API body (v1 `Monitor`) the provider sends for a `datadog_monitor`; unmapped arguments are findings. */
export function monitorBody(tf: Record<string, any>, out: ContractFinding[]): Record<string, any> {
  const body: Record<string, any> = {};
  const options: Record<string, any> = {};
  for (const [k, v] of Object.entries(tf)) {
    if (TERRAFORM_ONLY.has(k)) continue;
    if (MONITOR_TOP.includes(k)) {body[k] = v;} else if (k === 'priority') {body.priority = num(v);} else if (MONITOR_OPTIONS.includes(k)) {options[k] = v;} else if (k === 'monitor_thresholds') {options.thresholds = Object.fromEntries(Object.entries(block(v)).map(([t, x]) => [t, num(x)]));} else if (k === 'monitor_threshold_windows') {options.threshold_windows = block(v);} else if (k === 'scheduling_options') {
      const s = block(v);
      options.scheduling_options = compact({
        evaluation_window: block(s.evaluation_window),
        custom_schedule: s.custom_schedule ? { recurrences: (s.custom_schedule.recurrence ?? s.custom_schedule.recurrences) } : undefined,
      });
    } else if (k === 'variables') {options.variables = variablesBody(block(v));} else {out.push({ path: k, problem: `Terraform argument '${k}' of datadog_monitor has no API field in the contract mapping` });}
  }
  if (Object.keys(options).length) body.options = options;
  return body;
}

/** `variables { event_query { … } }` blocks → the API's formula-and-function query list. */
function variablesBody(v: any): any[] {
  const out: any[] = [];
  for (const [kind, queries] of Object.entries<any>(v ?? {})) {
    for (const q of Array.isArray(queries) ? queries : [queries]) out.push({ ...q, data_source: q.data_source ?? kind });
  }
  return out;
}

/** The API body (v1 `ServiceLevelObjectiveRequest`) for a `datadog_service_level_objective`. */
export function sloBody(tf: Record<string, any>, out: ContractFinding[]): Record<string, any> {
  const body: Record<string, any> = {};
  for (const [k, v] of Object.entries(tf)) {
    if (TERRAFORM_ONLY.has(k)) continue;
    if (['name', 'type', 'description', 'tags', 'groups', 'timeframe', 'target_threshold', 'warning_threshold', 'monitor_ids'].includes(k)) body[k] = v;
    else if (k === 'query') body.query = block(v);
    else if (k === 'thresholds') body.thresholds = (Array.isArray(v) ? v : [v]).map((t: any) => compact({ ...t, target: num(t.target), warning: num(t.warning) }));
    else if (k === 'sli_specification') body.sli_specification = block(v);
    else out.push({ path: k, problem: `Terraform argument '${k}' of datadog_service_level_objective has no API field in the contract mapping` });
  }
  if (Array.isArray(body.monitor_ids)) body.monitor_ids = body.monitor_ids.map(num);
  return body;
}

/** The API body (v1 `WebhooksIntegration`) for a `datadog_webhook`. */
export function webhookBody(tf: Record<string, any>, out: ContractFinding[]): Record<string, any> {
  const body: Record<string, any> = {};
  for (const [k, v] of Object.entries(tf)) {
    if (TERRAFORM_ONLY.has(k)) continue;
    if (['name', 'url', 'payload', 'custom_headers', 'encode_as'].includes(k)) body[k] = v;
    else out.push({ path: k, problem: `Terraform argument '${k}' of datadog_webhook has no API field in the contract mapping` });
  }
  for (const k of ['payload', 'custom_headers'] as const) {
    if (typeof body[k] === 'string' && !isReference(body[k])) {
      try { JSON.parse(withoutInterpolations(body[k])); } catch { out.push({ path: k, problem: `${k} is not JSON` }); }
    }
  }
  return body;
}

/** The resource types checked, each with its mapping and API model. */
export const CONTRACTS: Record<string, { readonly model: string; readonly body: (tf: Record<string, any>, out: ContractFinding[]) => unknown }> = {
  datadog_monitor: { model: 'Monitor', body: monitorBody },
  datadog_service_level_objective: { model: 'ServiceLevelObjectiveRequest', body: sloBody },
  datadog_webhook: { model: 'WebhooksIntegration', body: webhookBody },
  datadog_dashboard_json: {
    model: 'Dashboard',
    body: (tf, out) => {
      for (const k of Object.keys(tf)) if (!TERRAFORM_ONLY.has(k) && k !== 'dashboard' && k !== 'dashboard_lists' && k !== 'url') out.push({ path: k, problem: `unexpected argument '${k}' of datadog_dashboard_json` });
      try { return JSON.parse(withoutInterpolations(tf.dashboard)); } catch { out.push({ path: 'dashboard', problem: 'dashboard is not JSON' }); return undefined; }
    },
  },
};

/** Every finding of one Terraform resource body of a checked type. */
export function checkResource(type: string, tf: Record<string, any>): ContractFinding[] {
  const contract = CONTRACTS[type];
  if (!contract) throw new Error(`no API contract for ${type}`);
  const out: ContractFinding[] = [];
  const body = contract.body(tf, out);
  if (body !== undefined) checkApiValue(body, contract.model, contract.model, out);
  return out;
}
