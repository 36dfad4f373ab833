/**
 * The neutral payload template of a Webhook and its rendering per alert source.
 *
 * A template is JSON text whose string values may hold placeholders `{{name}}` (see
 * VARIABLES). Each source substitutes values its own way:
 *
 * - Datadog: `$VARIABLE` built-in webhook variables (docs.datadoghq.com/integrations/webhooks,
 *   "Variables"), written into the string as they are.
 * - Grafana: a custom payload template (Go text/template) of the webhook contact point; a
 *   string with placeholders becomes `{{ print "lit" .Expr "lit" | data.ToJSON }}`, which
 *   emits a correctly escaped JSON string (`data.ToJSON` is a Grafana template function; the
 *   default webhook payload of Grafana is itself built with `coll.Dict … | data.ToJSONPretty`).
 * - EventBridge: an input transformer; placeholders become `<var>` with `input_paths`
 *   mapping each var to a JSON path of the CloudWatch alarm state-change event. EventBridge
 *   does not escape the values it inserts (eb-transform-target-input, "Common issues"), so an
 *   alarm name or reason with a double quote would break the body: keep them free of `"`.
 *
 * Every template is rendered with a sample alert of each source at synth time and the result
 * must parse as JSON.
 */

/** An alert source a webhook is rendered for. */
export enum SourceKind {
  DATADOG = 'DATADOG',
  GRAFANA = 'GRAFANA',
  EVENTBRIDGE = 'EVENTBRIDGE',
}

interface SourceValue {
  /** Datadog `$VAR`, Grafana Go expression, or EventBridge JSON path. */
  readonly ref?: string;
  /** A literal (the same for every alert of the source). */
  readonly literal?: string;
  /** Several parts (for composed values). */
  readonly parts?: SourceValue[];
}

interface VariableDef {
  readonly description: string;
  readonly values: Record<SourceKind, SourceValue>;
  /** Sample value per source, for the synth-time check. */
  readonly samples: Record<SourceKind, string>;
}

const ALARM_ARN = '$.resources[0]';

/**
 * The placeholders. Datadog names: docs.datadoghq.com/integrations/webhooks ("Variables").
 * Grafana fields: grafana.com/docs/grafana/latest/alerting/configure-notifications/template-notifications/reference
 * (`.Status`, `.CommonLabels`, `.CommonAnnotations`, `.Alerts[i].Fingerprint`, `.GeneratorURL`,
 * `.StartsAt`). EventBridge: the "CloudWatch Alarm State Change" event (`detail.alarmName`,
 * `detail.state.value`, `detail.state.reason`, `resources[0]` = alarm ARN, `time`).
 */
export const VARIABLES: Record<string, VariableDef> = {
  title: {
    description: 'alert title (Datadog event title, Grafana alertname, CloudWatch alarm name)',
    values: { DATADOG: { ref: '$EVENT_TITLE' }, GRAFANA: { ref: '.CommonLabels.alertname' }, EVENTBRIDGE: { ref: '$.detail.alarmName' } },
    samples: { DATADOG: '[Triggered on {host:web-1}] High "p99" latency', GRAFANA: 'High "p99" latency', EVENTBRIDGE: 'checkout-5xx-rate' },
  },
  message: {
    description: 'alert text (Datadog event text, Grafana summary annotation, CloudWatch state reason)',
    values: { DATADOG: { ref: '$TEXT_ONLY_MSG' }, GRAFANA: { ref: '.CommonAnnotations.summary' }, EVENTBRIDGE: { ref: '$.detail.state.reason' } },
    samples: {
      DATADOG: 'p99 latency is 2.3s\nRunbook: https://runbooks.example/latency',
      GRAFANA: 'p99 > 2s for 5m\n"checkout" service',
      EVENTBRIDGE: 'Threshold Crossed: 1 datapoint [5.0 (23/11/26 08:00:00)] was greater than the threshold (1.0).',
    },
  },
  status: {
    description: 'alert state (Datadog transition: Triggered, Recovered…; Grafana: firing or resolved; CloudWatch: ALARM, OK, INSUFFICIENT_DATA)',
    values: { DATADOG: { ref: '$ALERT_TRANSITION' }, GRAFANA: { ref: '.Status' }, EVENTBRIDGE: { ref: '$.detail.state.value' } },
    samples: { DATADOG: 'Triggered', GRAFANA: 'firing', EVENTBRIDGE: 'ALARM' },
  },
  alertId: {
    description: 'identity of the monitor or alarm (Datadog monitor id, Grafana alert fingerprint, CloudWatch alarm ARN)',
    values: { DATADOG: { ref: '$ALERT_ID' }, GRAFANA: { ref: '(index .Alerts 0).Fingerprint' }, EVENTBRIDGE: { ref: ALARM_ARN } },
    samples: { DATADOG: '1234567', GRAFANA: 'c6eadffa33fcdf37', EVENTBRIDGE: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-5xx-rate' },
  },
  link: {
    description: 'link to the alert (Datadog event link, Grafana rule link, CloudWatch alarm ARN)',
    values: { DATADOG: { ref: '$LINK' }, GRAFANA: { ref: '(index .Alerts 0).GeneratorURL' }, EVENTBRIDGE: { ref: ALARM_ARN } },
    samples: {
      DATADOG: 'https://app.datadoghq.com/event/event?id=1234',
      GRAFANA: 'https://grafana.example/alerting/grafana/abc/view',
      EVENTBRIDGE: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-5xx-rate',
    },
  },
  time: {
    description: 'when it happened (Datadog $DATE, Grafana StartsAt, event time)',
    values: { DATADOG: { ref: '$DATE' }, GRAFANA: { ref: '(index .Alerts 0).StartsAt' }, EVENTBRIDGE: { ref: '$.time' } },
    samples: { DATADOG: '1700000000000', GRAFANA: '2026-11-23 08:00:00 +0000 UTC', EVENTBRIDGE: '2026-11-23T08:00:00Z' },
  },
  source: {
    description: 'the alert source: Datadog, Grafana or CloudWatch',
    values: { DATADOG: { literal: 'Datadog' }, GRAFANA: { literal: 'Grafana' }, EVENTBRIDGE: { literal: 'CloudWatch' } },
    samples: { DATADOG: 'Datadog', GRAFANA: 'Grafana', EVENTBRIDGE: 'CloudWatch' },
  },
  dedupLabel: {
    description: 'a Jira label that identifies the monitor or alarm: datadog-<monitor id>, grafana-<fingerprint>, cloudwatch-<alarm ARN>',
    values: {
      DATADOG: { parts: [{ literal: 'datadog-' }, { ref: '$ALERT_ID' }] },
      GRAFANA: { parts: [{ literal: 'grafana-' }, { ref: '(index .Alerts 0).Fingerprint' }] },
      EVENTBRIDGE: { parts: [{ literal: 'cloudwatch-' }, { ref: ALARM_ARN }] },
    },
    samples: {
      DATADOG: 'datadog-1234567',
      GRAFANA: 'grafana-c6eadffa33fcdf37',
      EVENTBRIDGE: 'cloudwatch-arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-5xx-rate',
    },
  },
};

export const VARIABLE_NAMES = Object.keys(VARIABLES).sort();
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

type Part = { readonly lit: string } | { readonly variable: string };
type Segment = { readonly text: string } | { readonly parts: Part[] };

/** A problem found in a template: what is wrong, for the "accepted" half of an error. */
export class TemplateProblem {
  constructor(public readonly accepted: string) {}
}

/**
 * Split JSON text into text outside strings and strings (as parts). Throws TemplateProblem
 * for placeholders outside strings and unknown placeholder names.
 */
export function parseTemplate(text: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  let outside = '';
  while (i < text.length) {
    const c = text[i];
    if (c !== '"') {
      outside += c;
      i++;
      continue;
    }
    // a JSON string: find its end, honouring backslash escapes
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) {
      throw new TemplateProblem('JSON text (a string is not closed)');
    }
    const raw = text.slice(i + 1, j);
    if (outside) segments.push({ text: outside });
    outside = '';
    const parts = splitString(raw);
    if (parts.some((p) => 'variable' in p) && /^\s*:/.test(text.slice(j + 1))) {
      throw new TemplateProblem('JSON text whose placeholders {{name}} appear only in string values, never in object keys');
    }
    segments.push({ parts });
    i = j + 1;
  }
  if (outside) {
    if (new RegExp(PLACEHOLDER.source).test(outside) || outside.includes('{{')) {
      throw new TemplateProblem('JSON text whose placeholders {{name}} appear only inside JSON strings');
    }
    segments.push({ text: outside });
  }
  for (const s of segments) {
    if ('text' in s && s.text.includes('{{')) {
      throw new TemplateProblem('JSON text whose placeholders {{name}} appear only inside JSON strings');
    }
  }
  return segments;
}

function splitString(raw: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of raw.matchAll(PLACEHOLDER)) {
    const name = m[1];
    if (!VARIABLES[name]) {
      throw new TemplateProblem(`JSON text whose placeholders are among {{${VARIABLE_NAMES.join('}}, {{')}}} (unknown {{${name}}})`);
    }
    if (m.index! > last) parts.push({ lit: decodeJson(raw.slice(last, m.index)) });
    parts.push({ variable: name });
    last = m.index! + m[0].length;
  }
  const rest = raw.slice(last);
  for (const p of parts) {
    if ('lit' in p && p.lit.includes('{{')) throw new TemplateProblem('JSON text with well-formed placeholders {{name}}');
  }
  if (rest.includes('{{')) throw new TemplateProblem('JSON text with well-formed placeholders {{name}}');
  if (rest || parts.length === 0) parts.push({ lit: decodeJson(rest) });
  return parts;
}

function decodeJson(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    throw new TemplateProblem(`JSON text (invalid string content ${JSON.stringify(raw.slice(0, 60))})`);
  }
}

/** A rendering for one source: the native template and the same with a sample alert substituted. */
export interface Rendered {
  /** The native template (Datadog payload, Grafana payload template, EventBridge input template). */
  readonly template: string;
  /** The body a sample alert of the source produces. */
  readonly sample: string;
  /** EventBridge input paths (var → JSON path), sorted. */
  readonly inputPaths: Record<string, string>;
}

/** Expand a variable into literal and reference parts for a source. */
function expand(value: SourceValue): Array<{ lit?: string; ref?: string }> {
  if (value.parts) return value.parts.flatMap(expand);
  if (value.literal !== undefined) return [{ lit: value.literal }];
  return [{ ref: value.ref }];
}

function evName(path: string): string {
  // a stable input-path variable name derived from the JSON path
  return path.replace(/^\$\./, '').replace(/\[(\d+)\]/g, '_$1').replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Render parsed segments for a source. `literals` gives variables whose value is known at synth
 * (e.g. the dedup label of one known alarm): they are written as literal text.
 */
export function render(segments: Segment[], source: SourceKind, literals: Readonly<Record<string, string>> = {}): Rendered {
  let template = '';
  let sample = '';
  const inputPaths: Record<string, string> = {};
  for (const seg of segments) {
    if ('text' in seg) {
      template += seg.text;
      sample += seg.text;
      continue;
    }
    // merge variable expansions and literals into a flat list
    const flat: Array<{ lit?: string; ref?: string; sample?: string }> = [];
    let sampleText = '';
    for (const p of seg.parts) {
      if ('lit' in p) {
        flat.push({ lit: p.lit });
        sampleText += p.lit;
      } else if (literals[p.variable] !== undefined) {
        flat.push({ lit: literals[p.variable] });
        sampleText += literals[p.variable];
      } else {
        const def = VARIABLES[p.variable];
        for (const e of expand(def.values[source])) flat.push(e);
        sampleText += def.samples[source];
      }
    }
    // merge adjacent literals
    for (let k = flat.length - 1; k > 0; k--) {
      if (flat[k].lit !== undefined && flat[k - 1].lit !== undefined) {
        flat[k - 1] = { lit: flat[k - 1].lit! + flat[k].lit! };
        flat.splice(k, 1);
      }
    }
    sample += JSON.stringify(sampleText);
    const hasRef = flat.some((f) => f.ref !== undefined);
    const literalText = flat.map((f) => f.lit ?? '').join('');
    if (!hasRef) {
      template += JSON.stringify(literalText);
      continue;
    }
    switch (source) {
      case SourceKind.DATADOG: {
        flat.forEach((f, k) => {
          if (f.ref !== undefined && /^[A-Za-z0-9_]/.test(flat[k + 1]?.lit ?? '')) {
            throw new TemplateProblem('JSON text in which no placeholder is directly followed by a letter, digit or _ (Datadog variables would run together)');
          }
        });
        template += '"' + flat.map((f) => (f.ref !== undefined ? f.ref : jsonInner(f.lit!))).join('') + '"';
        break;
      }
      case SourceKind.GRAFANA: {
        const args = flat.map((f) => (f.ref !== undefined ? f.ref : JSON.stringify(f.lit))).join(' ');
        template += `{{ print ${args} | data.ToJSON }}`;
        break;
      }
      case SourceKind.EVENTBRIDGE: {
        template += '"' + flat.map((f) => {
          if (f.ref === undefined) return jsonInner(f.lit!);
          const name = evName(f.ref);
          inputPaths[name] = f.ref;
          return `<${name}>`;
        }).join('') + '"';
        break;
      }
    }
  }
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(inputPaths).sort()) sorted[k] = inputPaths[k];
  return { template, sample, inputPaths: sorted };
}

function jsonInner(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/**
 * Render for a source and check the sample body parses as JSON; returns the rendering or a
 * problem description.
 */
export function renderChecked(segments: Segment[], source: SourceKind, literals: Readonly<Record<string, string>> = {}): Rendered {
  const r = render(segments, source, literals);
  try {
    JSON.parse(r.sample);
    // Also substitute into the native template the way the source does (Datadog and
    // EventBridge replace variables textually), to check the rendering itself.
    const refSample: Record<string, string> = {};
    for (const def of Object.values(VARIABLES)) {
      const ref = def.values[source].ref;
      if (ref !== undefined) refSample[ref] = def.samples[source];
    }
    const native = r.template.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    if (source === SourceKind.DATADOG) JSON.parse(native.replace(/\$[A-Z_]+/g, (m) => jsonInner(refSample[m] ?? m)));
    if (source === SourceKind.EVENTBRIDGE) JSON.parse(native.replace(/<([A-Za-z0-9_]+)>/g, (m, n) => (r.inputPaths[n] ? refSample[r.inputPaths[n]] : m)));
  } catch (e) {
    throw new TemplateProblem(`JSON text that is valid JSON once its placeholders are replaced by a sample ${source.toLowerCase()} alert (${(e as Error).message})`);
  }
  return r;
}

/** Replace placeholders in a plain (non-JSON) text template with their sample values. */
export function substituteSample(text: string, source: SourceKind): string {
  return text.replace(PLACEHOLDER, (_m, name) => VARIABLES[name]?.samples[source] ?? '');
}

/** Placeholder names used in a text that are not known. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((n) => !VARIABLES[n]);
}
