/**
 * CSV monitor catalogs: one row per monitor, typed columns, converted to the document model of
 * the YAML and JSON catalogs (`{ monitors: [...] }`) so that the same schema and checks apply.
 * Positions are the row's line and the column of the field; fields in messages are
 * `row <n>, <column>` (the header is row 1, as in a spreadsheet).
 */
import { fieldName, IssueCollector, SourceDocument, SourcePath, SourcePosition } from './source';

// csv-parse is bundled (see .projenrc.ts bundledDeps); its sync API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('csv-parse/sync') as { parse: (input: string, options: object) => any[] };

type Cell = 'string' | 'number' | 'integer' | 'duration' | 'list' | 'tags' | 'dimensions';

interface Column {
  /** Where the value goes in a monitor; `*` is `cloudwatch` or `aws` (see signalKind). */
  readonly path: string[];
  readonly cell: Cell;
  readonly description: string;
}

/** The columns of a CSV catalog, in the order the README lists them. */
export const CSV_COLUMNS: { [name: string]: Column } = {
  id: { path: ['id'], cell: 'string', description: 'the monitor id' },
  service: { path: ['service'], cell: 'string', description: 'the service (gives the tag service:<name>)' },
  title: { path: ['title'], cell: 'string', description: 'the title' },
  message: { path: ['message'], cell: 'string', description: 'the message' },
  namespace: { path: ['signal', 'cloudwatch', 'namespace'], cell: 'string', description: 'CloudWatch namespace' },
  aws_service: { path: ['signal', 'aws', 'service'], cell: 'string', description: 'AWS service of an aws metric (LAMBDA, SQS…)' },
  resource: { path: ['signal', 'aws', 'resource'], cell: 'string', description: 'resource of an aws metric' },
  metric: { path: ['signal', '*', 'metric'], cell: 'string', description: 'CloudWatch or AWS metric name' },
  dimensions: { path: ['signal', '*', 'dimensions'], cell: 'dimensions', description: 'dimensions as Name=value;Name=value' },
  statistic: { path: ['signal', '*', 'statistic'], cell: 'string', description: 'CloudWatch statistic' },
  datadog_metric: { path: ['signal', 'cloudwatch', 'datadogMetric'], cell: 'string', description: 'Datadog name of the CloudWatch metric' },
  datadog_query: { path: ['signal', 'datadog'], cell: 'string', description: 'Datadog metric query' },
  time_aggregation: { path: ['signal', 'timeAggregation'], cell: 'string', description: 'time aggregation of a Datadog query' },
  promql: { path: ['signal', 'promql'], cell: 'string', description: 'PromQL query' },
  nrql: { path: ['signal', 'nrql'], cell: 'string', description: 'NRQL query' },
  comparison: { path: ['comparison'], cell: 'string', description: 'comparison' },
  critical: { path: ['critical'], cell: 'number', description: 'critical threshold' },
  warning: { path: ['warning'], cell: 'number', description: 'warning threshold' },
  critical_recovery: { path: ['criticalRecovery'], cell: 'number', description: 'critical recovery threshold' },
  warning_recovery: { path: ['warningRecovery'], cell: 'number', description: 'warning recovery threshold' },
  period: { path: ['period'], cell: 'duration', description: 'period' },
  window: { path: ['window'], cell: 'duration', description: 'evaluation window' },
  evaluation_periods: { path: ['evaluationPeriods'], cell: 'integer', description: 'evaluation periods' },
  datapoints_to_alarm: { path: ['datapointsToAlarm'], cell: 'integer', description: 'datapoints to alarm' },
  missing_data: { path: ['missingData'], cell: 'string', description: 'missing-data policy' },
  severity: { path: ['severity'], cell: 'string', description: 'severity' },
  runbook: { path: ['runbook'], cell: 'string', description: 'runbook URL' },
  renotify_interval: { path: ['renotifyInterval'], cell: 'integer', description: 're-notification interval in minutes' },
  tags: { path: ['tags'], cell: 'tags', description: 'tags as key:value;key:value' },
  targets: { path: ['targets'], cell: 'list', description: 'target names as a;b' },
  backends: { path: ['backends'], cell: 'list', description: 'backend names as a;b' },
};

/** Columns every CSV catalog has (what every monitor requires). */
export const CSV_REQUIRED_COLUMNS = ['id', 'title', 'message', 'comparison', 'critical'];

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A CSV catalog as a document of the catalog model, positions from rows and columns. */
class CsvDocument extends SourceDocument {
  constructor(file: string, data: unknown, positions: Map<string, SourcePosition>,
    private readonly columns: Map<string, string>, private readonly rows: number[]) {
    super(file, data, (p) => positions.get(JSON.stringify(p)));
  }

  public issue(p: SourcePath, received: unknown, accepted: string) {
    return { ...super.issue(p, received, accepted), field: this.field(p) };
  }

  /** `row <n>, <column>` for a path into a monitor. */
  private field(p: SourcePath): string {
    if (p[0] !== 'monitors' || typeof p[1] !== 'number') return fieldName(p);
    const row = `row ${this.rows[p[1]]}`;
    const inner = JSON.stringify(p.slice(2));
    const named = Object.keys(CSV_COLUMNS).find((c) => ['cloudwatch', 'aws'].some((k) => JSON.stringify(CSV_COLUMNS[c].path.map((x) => (x === '*' ? k : x))) === inner));
    if (named) return `${row}, ${named}`;
    for (let n = p.length; n > 2; n--) {
      const column = this.columns.get(JSON.stringify(p.slice(0, n)));
      if (column) {
        if (n === p.length) return `${row}, ${column}`;
        const rest = fieldName(p.slice(n));
        return `${row}, ${column}${rest.startsWith('[') ? '' : '.'}${rest}`;
      }
    }
    return p.length > 2 ? `${row}, ${fieldName(p.slice(2))}` : row;
  }
}

/** Read a CSV catalog; problems go to `issues`. Undefined when nothing can be read. */
export function readCsvCatalog(file: string, text: string, issues: IssueCollector): SourceDocument | undefined {
  let records: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    records = parse(text, { info: true, raw: true, relax_column_count: true, relax_quotes: true, comment: '#', skip_empty_lines: true, bom: true });
  } catch (e) {
    const err = e as { message: string; lines?: number };
    issues.add({ file, position: { line: err.lines ?? 1, column: 1 }, field: '(syntax)', received: err.message, accepted: 'valid CSV (RFC 4180: fields separated by commas, quoted with ")' });
    return undefined;
  }
  if (records.length === 0) {
    issues.add({ file, position: { line: 1, column: 1 }, field: '(document)', received: 'an empty file', accepted: 'a header row of column names and one row per monitor' });
    return undefined;
  }

  const placed = records.map(place);
  const [header, ...rows] = placed;
  const names = header.values.map((h) => h.trim());
  const known = Object.keys(CSV_COLUMNS);
  const seen = new Set<string>();
  let fatal = false;
  names.forEach((name, i) => {
    const pos = header.columns[i];
    if (!Object.prototype.hasOwnProperty.call(CSV_COLUMNS, name)) {
      issues.add({ file, position: pos, field: 'header', received: JSON.stringify(name), accepted: `a known column (${known.join(', ')})` });
    } else if (seen.has(name)) {
      issues.add({ file, position: pos, field: 'header', received: JSON.stringify(name), accepted: 'a column named once' });
    }
    seen.add(name);
  });
  for (const required of CSV_REQUIRED_COLUMNS) {
    if (!seen.has(required)) {
      issues.add({ file, position: header.start, field: 'header', received: `no column ${required}`, accepted: `a header with the columns ${CSV_REQUIRED_COLUMNS.join(', ')}` });
      fatal = true;
    }
  }
  if (fatal) return undefined;

  const positions = new Map<string, SourcePosition>([[JSON.stringify([]), { line: 1, column: 1 }]]);
  const columns = new Map<string, string>();
  const rowNumbers: number[] = [];
  const monitors: unknown[] = [];
  rows.forEach((row, r) => {
    const rowNumber = r + 2;
    if (row.values.length !== names.length) {
      issues.add({
        file,
        position: row.start,
        field: `row ${rowNumber}`,
        received: `${row.values.length} column${row.values.length === 1 ? '' : 's'}`,
        accepted: `${names.length} columns, as many as the header (${names.join(', ')})`,
      });
      return;
    }
    const index = monitors.length;
    const at = (p: SourcePath) => JSON.stringify(['monitors', index, ...p]);
    positions.set(at([]), row.start);
    rowNumbers.push(rowNumber);
    const monitor: Record<string, any> = {};
    const byName: Record<string, string> = {};
    names.forEach((n, i) => { byName[n] = row.values[i].trim(); });
    const kind = byName.aws_service || byName.resource ? 'aws' : 'cloudwatch';
    names.forEach((name, i) => {
      const column = CSV_COLUMNS[name];
      const raw = row.values[i].trim();
      if (!column || raw === '') return;
      const p = column.path.map((k) => (k === '*' ? kind : k));
      const pos = row.columns[i];
      const value = cellValue(column.cell, raw, (received, accepted) => issues.add({ file, position: pos, field: `row ${rowNumber}, ${name}`, received: JSON.stringify(received), accepted }));
      if (value === undefined) return;
      setPath(monitor, p, value);
      for (let n = p.length; n >= 1; n--) {
        const key = at(p.slice(0, n));
        if (!positions.has(key)) positions.set(key, pos);
        if (!columns.has(key)) columns.set(key, name);
      }
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const k of Object.keys(value)) positions.set(at([...p, k]), pos);
      }
    });
    monitors.push(monitor);
  });
  return new CsvDocument(file, { monitors }, positions, columns, rowNumbers);
}

function setPath(target: Record<string, any>, p: string[], value: unknown): void {
  let cur = target;
  for (const k of p.slice(0, -1)) cur = cur[k] ??= {};
  cur[p[p.length - 1]] = value;
}

function cellValue(cell: Cell, raw: string, bad: (received: string, accepted: string) => void): unknown {
  switch (cell) {
    case 'string':
      return raw;
    case 'number':
    case 'integer':
      return NUMBER.test(raw) ? Number(raw) : raw; // a non-number is reported by the schema
    case 'duration':
      return /^\d+$/.test(raw) ? Number(raw) : raw;
    case 'list':
      return raw.split(';').map((s) => s.trim()).filter((s) => s.length > 0);
    case 'tags':
    case 'dimensions': {
      const sep = cell === 'tags' ? ':' : '=';
      const out: Record<string, string> = {};
      for (const part of raw.split(';').map((s) => s.trim()).filter((s) => s.length > 0)) {
        const i = part.indexOf(sep);
        if (i <= 0) {
          bad(part, cell === 'tags' ? 'tags as key:value separated by ;' : 'dimensions as Name=value separated by ;');
          return undefined;
        }
        out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
      }
      return out;
    }
  }
}

interface PlacedRecord {
  readonly values: string[];
  /** Position of the record's first character. */
  readonly start: SourcePosition;
  /** Position of each field's first character. */
  readonly columns: SourcePosition[];
}

/** Where a record and each of its fields start (csv-parse counts the lines up to the record's end). */
function place(r: { record: string[]; raw: string; info: { lines: number } }): PlacedRecord {
  const span = 1 + r.record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
  const rawLines = r.raw.replace(/\r?\n$/, '').split('\n');
  const own = rawLines.slice(-span).join('\n');
  const first = r.info.lines - span + 1;
  const columns: SourcePosition[] = [];
  let line = first;
  let col = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < own.length; i++) {
    const ch = own[i];
    if (fieldStart) {
      columns.push({ line, column: col });
      fieldStart = false;
      if (ch === '"') {
        quoted = true;
        col++;
        continue;
      }
    }
    if (quoted && ch === '"') {
      if (own[i + 1] === '"') {
        i++;
        col += 2;
        continue;
      }
      quoted = false;
    } else if (!quoted && ch === ',') {
      fieldStart = true;
    }
    if (ch === '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  if (fieldStart) columns.push({ line, column: col });
  return { values: r.record, start: { line: first, column: 1 }, columns };
}
