/**
 * Reading catalog files (YAML, JSON, CSV) with the position of every value, validating them
 * against a JSON Schema with ajv, and reporting every problem of a file at once. Not part of the
 * public API: the catalog constructs use it.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { IConstruct } from 'constructs';
import { isMap, isScalar, isSeq, LineCounter, Node, parseAllDocuments } from 'yaml';
import { pathOf, ValidationError } from '../../core/errors';
import { describe } from '../../core/private/validate';

/** A place in a file (1-based). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** A path into a document: object keys and array indexes. */
export type SourcePath = ReadonlyArray<string | number>;

/** One problem found in a catalog file. */
export interface CatalogIssue {
  /** The file (as given, or `<inline>`). */
  readonly file: string;
  /** Where the problem is, when known. */
  readonly position?: SourcePosition;
  /** The field, as a dotted path (`monitors[3].critical`). */
  readonly field: string;
  /** The value found, rendered for humans. */
  readonly received: string;
  /** What the field accepts. */
  readonly accepted: string;
}

/** `file:line:column: 'field' must be <accepted>; received <value>`. */
export function formatIssue(issue: CatalogIssue): string {
  const where = issue.position ? `${issue.file}:${issue.position.line}:${issue.position.column}` : issue.file;
  return `${where}: '${issue.field}' must be ${issue.accepted}; received ${issue.received}`;
}

/** Dotted path for messages: `monitors[3].thresholds.critical`. */
export function fieldName(p: SourcePath): string {
  let out = '';
  for (const k of p) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(k)) out += out ? `.${k}` : k;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out || '(document)';
}

/**
 * The library's ValidationError for a catalog file: every issue of the file, one per line of
 * the message. `constructPath` is the construct that read the file; `prop` the file.
 */
export class CatalogValidationError extends ValidationError {
  /** Every problem found, in file order. */
  public readonly issues: CatalogIssue[];

  constructor(constructPath: string, file: string, issues: CatalogIssue[]) {
    const lines = issues.map((i) => `  ${formatIssue(i)}`).join('\n');
    super(constructPath, file, `${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines}`, 'a valid catalog file');
    this.message = `${constructPath}: ${file} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines}`;
    this.name = 'ValidationError';
    this.issues = issues;
    Object.setPrototypeOf(this, CatalogValidationError.prototype);
  }
}

/** One document of a file with the position of each of its values. */
export class SourceDocument {
  constructor(
    /** The file name used in messages. */
    public readonly file: string,
    /** The parsed value. */
    public readonly data: unknown,
    private readonly locator: (p: SourcePath) => SourcePosition | undefined,
    /** Index of the document in a multi-document YAML file (0 for others). */
    public readonly index: number = 0,
  ) {}

  /** Position of the value at `p`, or of its nearest enclosing value that exists. */
  public locate(p: SourcePath): SourcePosition | undefined {
    for (let n = p.length; n >= 0; n--) {
      const pos = this.locator(p.slice(0, n));
      if (pos) return pos;
    }
    return undefined;
  }

  /** An issue at `p` of this document. */
  public issue(p: SourcePath, received: unknown, accepted: string): CatalogIssue {
    return { file: this.file, position: this.locate(p), field: fieldName(p), received: typeof received === 'string' && received.startsWith('\u0000') ? received.slice(1) : describe(received), accepted };
  }
}

/** Collects issues and throws them together. */
export class IssueCollector {
  private readonly list: CatalogIssue[] = [];

  /** Record an issue. */
  public add(issue: CatalogIssue): void {
    this.list.push(issue);
  }

  /** Every issue so far, sorted by file and position. */
  public get issues(): CatalogIssue[] {
    return [...this.list].sort((a, b) =>
      a.file.localeCompare(b.file) || (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
  }

  /** Whether nothing was recorded. */
  public get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throw a CatalogValidationError naming `scope` if any issue was recorded. */
  public throwIfAny(scope: IConstruct, file: string): void {
    if (this.list.length) throw new CatalogValidationError(pathOf(scope), file, this.issues);
  }
}

/** A received value shown verbatim (not JSON-quoted) in an issue. */
export function verbatim(s: string): string {
  return `\u0000${s}`;
}

/** The file formats the catalogs read. */
export type SourceFormat = 'yaml' | 'json' | 'csv';

/** The format of `file` from its extension, or undefined. */
export function formatOf(file: string): SourceFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  return undefined;
}

/**
 * Read a file's text; a missing or unreadable file is a ValidationError naming `scope` and `prop`.
 */
export function readText(scope: IConstruct, prop: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ValidationError(pathOf(scope), prop, JSON.stringify(file), `a readable file (${(e as Error).message})`);
  }
}

/**
 * Parse YAML (every document of a multi-document file) or JSON, with positions. Syntax errors
 * and duplicate keys are recorded in `issues` (all of them), and their documents skipped.
 */
export function parseYamlOrJson(file: string, text: string, issues: IssueCollector): SourceDocument[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: SourceDocument[] = [];
  list.forEach((doc, index) => {
    if (doc.errors.length) {
      for (const e of doc.errors) {
        const pos = lc.linePos(e.pos[0]);
        issues.add({ file, position: { line: pos.line, column: pos.col }, field: '(syntax)', received: e.message.split('\n')[0], accepted: 'valid YAML or JSON' });
      }
      return;
    }
    const data = doc.toJS({ maxAliasCount: 100 });
    if (data === null || data === undefined) return; // empty document (e.g. after a trailing ---)
    const root = doc.contents as Node | null;
    out.push(new SourceDocument(file, data, (p) => {
      const node = nodeAt(root, p);
      if (!node || !node.range) return undefined;
      const pos = lc.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }, index));
  });
  return out;
}

function nodeAt(root: Node | null, p: SourcePath): Node | undefined {
  let node: unknown = root;
  for (const k of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (isScalar(it.key) ? String(it.key.value) : String(it.key)) === String(k));
      if (!pair) return undefined;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof k === 'number') {
      node = node.items[k];
    } else {
      return undefined;
    }
  }
  return (node ?? undefined) as Node | undefined;
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Validate `doc.data` (or the value at `at`) against `schema`; every error is recorded in
 * `issues` with its position, field, value and what is accepted. Returns whether it is valid.
 */
export function validateAgainstSchema(
  schema: object, doc: SourceDocument, issues: IssueCollector, at: SourcePath = [], value: unknown = doc.data,
): boolean {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return true;
  for (const e of simplify(validate.errors ?? [])) issues.add(issueOf(doc, at, value, e));
  return false;
}

/** Drop the noise ajv adds around `anyOf`/`oneOf`/`if` when a more specific error exists. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
  const seen = new Set<string>();
  return (specific.length ? specific : errors).filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(v: unknown, p: SourcePath): unknown {
  let cur: any = v;
  for (const k of p) cur = cur === null || cur === undefined ? undefined : cur[k];
  return cur;
}

function issueOf(doc: SourceDocument, at: SourcePath, value: unknown, e: ErrorObject): CatalogIssue {
  const rel = pointerToPath(e.instancePath);
  const p = [...at, ...rel];
  const here = valueAt(value, rel);
  const params = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const known = Object.keys((e.parentSchema as any)?.properties ?? {}).sort();
      return doc.issue([...p, params.additionalProperty], verbatim(params.additionalProperty),
        known.length ? `a known field (${known.join(', ')})` : 'absent (no further fields are accepted)');
    }
    case 'required': {
      const missing = params.missingProperty as string;
      const desc = (e.parentSchema as any)?.properties?.[missing]?.description;
      return { ...doc.issue([...p, missing], verbatim('nothing'), desc ? `set (${desc})` : 'set'), position: doc.locate(p) };
    }
    case 'type':
      return doc.issue(p, here, `of type ${Array.isArray(params.type) ? params.type.join(' or ') : params.type}`);
    case 'enum':
      return doc.issue(p, here, `one of ${(params.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`);
    case 'const':
      return doc.issue(p, here, JSON.stringify(params.allowedValue));
    case 'pattern': {
      const desc = (e.parentSchema as any)?.description;
      return doc.issue(p, here, desc ? `${desc} (matching ${params.pattern})` : `a string matching ${params.pattern}`);
    }
    default: {
      const desc = (e.parentSchema as any)?.description;
      return doc.issue(p, here, `${e.message ?? 'valid'}${desc ? ` (${desc})` : ''}`);
    }
  }
}
