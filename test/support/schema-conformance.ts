/**
 * Schema conformance: every resource, data source (also those scoped in `check` blocks) and
 * provider block of a synthesized stack is checked against the schema of the provider that
 * serves it, the way Terraform decodes a configuration before any provider code runs:
 * arguments that do not exist, required arguments that are missing, values of the wrong type
 * (string/number/bool, list/set/map, object attribute types, nested attributes), blocks given
 * as values or values given as blocks, block counts outside min/max items, and read-only
 * (computed-only) attributes that are set. A `${...}` reference is accepted for any attribute.
 *
 * Schemas, all in the `terraform providers schema -json` format:
 * - hashicorp/aws: the real provider, `terraform providers schema -json` against the local
 *   filesystem mirror (see terraform-validate.ts), cached in os.tmpdir() per version;
 * - grafana/grafana: the provider's own schema dump in ../shared/schemas (beside the clone);
 * - DataDog/datadog, integrations/github, newrelic/newrelic, PagerDuty/pagerduty, gitlabhq/gitlab: derived from the prebuilt cdktf
 *   bindings in node_modules (`bindingsSchema`);
 * - hashicorp/http: http-schema.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandForEach } from './for-each';
import { HTTP_PROVIDER_SCHEMA } from './http-schema';
import { TerraformValidator } from './terraform-validate';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------- schema format

export interface SchemaAttribute {
  readonly type?: any;
  readonly nested_type?: SchemaNestedType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly description?: string;
}

export interface SchemaNestedType {
  readonly attributes: Record<string, SchemaAttribute>;
  readonly nesting_mode: string;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
}

export interface ProviderSchemaJson {
  readonly provider: { readonly block: SchemaBlock };
  readonly resource_schemas: Record<string, { readonly block: SchemaBlock; readonly version?: number }>;
  readonly data_source_schemas: Record<string, { readonly block: SchemaBlock; readonly version?: number }>;
}

/** The schema of one provider, looked up per type. */
export interface IProviderSchema {
  /** e.g. registry.terraform.io/hashicorp/aws */
  readonly source: string;
  readonly version: string;
  provider(): SchemaBlock;
  resource(type: string): SchemaBlock | undefined;
  dataSource(type: string): SchemaBlock | undefined;
}

class JsonProviderSchema implements IProviderSchema {
  constructor(public readonly source: string, public readonly version: string, private readonly json: ProviderSchemaJson) {}
  public provider(): SchemaBlock {
    return this.json.provider?.block ?? {};
  }
  public resource(type: string): SchemaBlock | undefined {
    return this.json.resource_schemas?.[type]?.block;
  }
  public dataSource(type: string): SchemaBlock | undefined {
    return this.json.data_source_schemas?.[type]?.block;
  }
}

/** Normalizes a required_providers source (`aws`, `DataDog/datadog`) to its full lower-case address. */
export function fullSource(source: string): string {
  const parts = source.toLowerCase().split('/');
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${parts[0]}/${parts[1]}`;
  return parts.join('/');
}

// ---------------------------------------------------------------- schema sources

/** The real hashicorp/aws schema, from the mirror, cached in os.tmpdir() by version. */
export function awsSchema(version = '5.100.0'): IProviderSchema {
  const source = 'registry.terraform.io/hashicorp/aws';
  const cache = path.join(os.tmpdir(), `cdktf-integrations-schema-hashicorp-aws-${version}.json`);
  let dump: any;
  if (fs.existsSync(cache)) {
    try {
      dump = JSON.parse(fs.readFileSync(cache, 'utf8'));
    } catch {
      dump = undefined;
    }
  }
  if (!dump?.provider_schemas?.[source]) {
    const validator = new TerraformValidator();
    try {
      dump = validator.providersSchema({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version } } } });
    } finally {
      validator.dispose();
    }
    if (!dump?.provider_schemas?.[source]) throw new Error(`terraform providers schema printed no schema of ${source}`);
    const tmp = `${cache}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(dump));
    fs.renameSync(tmp, cache);
  }
  return new JsonProviderSchema(source, version, dump.provider_schemas[source]);
}

/** The grafana/grafana provider's own schema dump, beside the clone. */
export function grafanaSchemaPath(version = '4.45.1'): string {
  return path.join(REPO_ROOT, '..', 'shared', 'schemas', `grafana-${version}.json`);
}

export function grafanaSchema(version = '4.45.1'): IProviderSchema {
  const file = grafanaSchemaPath(version);
  if (!fs.existsSync(file)) throw new Error(`schema conformance: no Grafana provider schema at ${file} (the shared schemas folder beside the clone)`);
  const dump = JSON.parse(fs.readFileSync(file, 'utf8'));
  const source = 'registry.terraform.io/grafana/grafana';
  return new JsonProviderSchema(source, version, dump.provider_schemas[source]);
}

export function httpSchema(): IProviderSchema {
  return new JsonProviderSchema('registry.terraform.io/hashicorp/http', '3.4.0', HTTP_PROVIDER_SCHEMA);
}

// ---------------------------------------------------------------- schemas from cdktf bindings

interface BindingEntry {
  readonly name: string;
  readonly value: string;
  readonly isBlock: boolean;
  readonly type: string;
  readonly storageClassType: string;
}

const ENTRY = /(\w+): \{\s*value: ([^\n]*),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",\s*\}/g;
const PRIMITIVE: Record<string, string> = { string: 'string', number: 'number', boolean: 'bool' };

function entriesOf(body: string): BindingEntry[] {
  const out: BindingEntry[] = [];
  for (const m of body.matchAll(ENTRY)) {
    out.push({ name: m[1], value: m[2], isBlock: m[3] === 'true', type: m[4], storageClassType: m[5] });
  }
  return out;
}

/** The text from `start` to the end of the top-level declaration it opens (`\n}` at column 0). */
function declarationAt(text: string, start: number): string {
  const end = text.indexOf('\n}', start);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Properties of an interface in a .d.ts: name → optional? */
function interfaceProps(dts: string, name: string): Map<string, boolean> | undefined {
  const m = new RegExp(`export interface ${name}(?: extends [\\w.]+)? \\{`).exec(dts);
  if (!m) return undefined;
  const body = declarationAt(dts, m.index);
  const props = new Map<string, boolean>();
  for (const p of body.matchAll(/^ {4}readonly (\w+)(\?)?:/gm)) props.set(p[1], p[2] === '?');
  return props;
}

/** Attribute names read by the getters of a class (`this.getStringAttribute('x')`, `new XList(this, "x", …)`). */
function getterAttributes(js: string, className: string): Set<string> {
  const m = new RegExp(`\\nclass ${className} extends `).exec(js);
  const out = new Set<string>();
  if (!m) return out;
  const body = declarationAt(js, m.index + 1);
  for (const g of body.matchAll(/this\.get\w*Attribute\('(\w+)'\)/g)) out.add(g[1]);
  for (const g of body.matchAll(/this\._\w+ = new [\w.]+\(this, "(\w+)"/g)) out.add(g[1]);
  for (const g of body.matchAll(/\/\/ (\w+) - computed: true, optional: false, required: false/g)) out.add(g[1]);
  for (const g of body.matchAll(/return new \w+\(this, '(\w+)'/g)) out.add(g[1]);
  return out;
}

/**
 * One binding module (lib/<dir>/index.js + index.d.ts of a @cdktf/provider-* package, or of its @cdktn/provider-* counterpart in the cdktn flavour's run) turned
 * into a schema block: `synthesizeHclAttributes()` and the `xxxToHclTerraform` functions give
 * every argument with its kind (block or attribute), nesting and element type; the Config
 * interfaces of the .d.ts give required (`readonly foo: T`) vs optional (`readonly foo?: T`);
 * attributes that only a getter reads are computed-only.
 */
export class BindingModule {
  private readonly js: string;
  private readonly dts: string;
  private readonly functions = new Map<string, string>();
  private readonly memo = new Map<string, SchemaBlock>();

  constructor(public readonly file: string) {
    // Large modules keep their structs in index-structs/*.js beside index.js.
    const structs = path.join(path.dirname(file), 'index-structs');
    const parts = [file, ...(fs.existsSync(structs) ? fs.readdirSync(structs).sort().filter((f) => f.endsWith('.js')).map((f) => path.join(structs, f)) : [])];
    this.js = parts.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    this.dts = parts.map((f) => fs.readFileSync(f.replace(/\.js$/, '.d.ts'), 'utf8')).join('\n');
    for (const m of this.js.matchAll(/\nfunction (\w+)ToHclTerraform\(struct\) \{/g)) {
      this.functions.set(m[1], declarationAt(this.js, m.index + 1));
    }
  }

  /** The top-level block (the resource, data source or provider class). */
  public topLevel(): SchemaBlock {
    const cls = /\nclass (\w+) extends cdkt[fn]\.(TerraformResource|TerraformDataSource|TerraformProvider) \{/.exec(this.js);
    if (!cls) throw new Error(`${this.file}: no resource, data source or provider class`);
    const body = declarationAt(this.js, cls.index + 1);
    const start = body.indexOf('synthesizeHclAttributes() {');
    if (start < 0) throw new Error(`${this.file}: no synthesizeHclAttributes()`);
    const synth = body.slice(start, body.indexOf('\n    }', start));
    // this._camel = config.prop  /  this._camel.internalValue = config.prop
    const fieldToProp = new Map<string, string>();
    for (const m of body.matchAll(/this\._(\w+)(?:\.internalValue)? = config\.(\w+);/g)) fieldToProp.set(m[1], m[2]);
    const props = interfaceProps(this.dts, `${cls[1]}Config`) ?? new Map();
    const entries = entriesOf(synth);
    const optionalOf = (e: BindingEntry) => {
      const field = /this\._(\w+)/.exec(e.value)?.[1];
      const prop = field ? fieldToProp.get(field) ?? field : undefined;
      return prop === undefined || props.get(prop) !== false;
    };
    return this.block(entries, optionalOf, getterAttributes(this.js, cls[1]));
  }

  private nested(fn: string): SchemaBlock {
    const known = this.memo.get(fn);
    if (known) return known;
    const body = this.functions.get(fn);
    if (body === undefined) throw new Error(`${this.file}: no function ${fn}ToHclTerraform`);
    const decl = new RegExp(`export declare function ${fn}ToHclTerraform\\(struct\\?: ([^)]*)\\)`).exec(this.dts);
    const iface = (decl?.[1] ?? '').split('|').map((s) => s.trim()).find((t) => /^\w+$/.test(t) && !t.endsWith('OutputReference'));
    const props = (iface && interfaceProps(this.dts, iface)) || new Map<string, boolean>();
    type Mutable = { attributes: Record<string, SchemaAttribute>; block_types: Record<string, SchemaBlockType> };
    const placeholder: Mutable = { attributes: {}, block_types: {} };
    this.memo.set(fn, placeholder);
    const entries = entriesOf(body.slice(body.indexOf('const attrs = {')));
    const optionalOf = (e: BindingEntry) => {
      const prop = /struct!?\.(\w+)/.exec(e.value)?.[1];
      return prop === undefined || props.get(prop) !== false;
    };
    const built = this.block(entries, optionalOf, iface ? getterAttributes(this.js, `${iface}OutputReference`) : new Set());
    Object.assign(placeholder.attributes, built.attributes);
    Object.assign(placeholder.block_types, built.block_types);
    return placeholder;
  }

  private block(entries: BindingEntry[], optionalOf: (e: BindingEntry) => boolean, getters: Set<string>): SchemaBlock {
    const attributes: Record<string, SchemaAttribute> = {};
    const blockTypes: Record<string, SchemaBlockType> = {};
    for (const e of entries) {
      const optional = optionalOf(e);
      const fn = /(?<!cdkt[fn]\.)\b(\w+)ToHclTerraform\b/.exec(e.value)?.[1];
      const listOf = e.value.includes('listMapperHcl(') || e.value.includes('hashMapperHcl(');
      if (e.isBlock) {
        if (!fn) throw new Error(`${this.file}: block ${e.name} has no nested function`);
        const mode = e.type === 'struct' ? 'single' : (e.type as SchemaBlockType['nesting_mode']);
        blockTypes[e.name] = {
          nesting_mode: mode,
          block: this.nested(fn),
          ...(optional ? {} : { min_items: 1 }),
          ...((mode === 'list' || mode === 'set') && !listOf ? { max_items: 1 } : {}),
        };
        continue;
      }
      const flags = optional ? { optional: true } : { required: true };
      const primitive = PRIMITIVE[e.storageClassType];
      const collection = /^(string|number|boolean)(List|Map)$/.exec(e.storageClassType);
      if (primitive) {
        attributes[e.name] = { type: primitive, ...flags };
      } else if (collection) {
        const kind = collection[2] === 'Map' ? 'map' : e.type === 'set' ? 'set' : 'list';
        attributes[e.name] = { type: [kind, PRIMITIVE[collection[1]]], ...flags };
      } else if (e.storageClassType === 'stringListList') {
        attributes[e.name] = { type: ['list', ['list', 'string']], ...flags };
      } else if (fn) {
        const inner = this.nested(fn);
        const mode = e.type === 'struct' || e.type === 'simple' ? 'single' : e.type;
        attributes[e.name] = { nested_type: { attributes: { ...inner.attributes }, nesting_mode: mode }, ...flags };
      } else {
        attributes[e.name] = { type: 'dynamic', ...flags };
      }
    }
    for (const name of getters) {
      if (!(name in attributes) && !(name in blockTypes)) attributes[name] = { type: 'dynamic', computed: true };
    }
    return { attributes, block_types: blockTypes };
  }
}

/** The schema of a provider derived from its prebuilt cdktf bindings package. */
export class BindingsProviderSchema implements IProviderSchema {
  public readonly source: string;
  public readonly version: string;
  private readonly lib: string;
  private readonly prefix: string;
  private index?: Map<string, string>;
  private readonly cache = new Map<string, SchemaBlock | undefined>();

  constructor(packageName: string) {
    this.lib = path.join(path.dirname(require.resolve(`${packageName}/package.json`)), 'lib');
    const provider = fs.readFileSync(path.join(this.lib, 'provider', 'index.js'), 'utf8');
    const meta = /providerName: '(\w+)',\s*providerVersion: '([^']+)'/.exec(provider);
    const src = /terraformProviderSource: '([^']+)'/.exec(provider);
    if (!meta || !src) throw new Error(`${packageName}: no provider metadata`);
    this.prefix = meta[1];
    this.version = meta[2];
    this.source = fullSource(src[1]);
  }

  public provider(): SchemaBlock {
    return this.load('provider', path.join(this.lib, 'provider', 'index.js'))!;
  }

  public resource(type: string): SchemaBlock | undefined {
    return this.load(`resource:${type}`, this.find(type, false));
  }

  public dataSource(type: string): SchemaBlock | undefined {
    return this.load(`data:${type}`, this.find(type, true));
  }

  private load(key: string, file: string | undefined): SchemaBlock | undefined {
    if (!this.cache.has(key)) this.cache.set(key, file ? new BindingModule(file).topLevel() : undefined);
    return this.cache.get(key);
  }

  /** lib/<dir>/index.js of a type: by the naming convention, else by the type each module declares. */
  private find(type: string, data: boolean): string | undefined {
    const guess = path.join(this.lib, `${data ? 'data-' : ''}${(data ? type : type.slice(this.prefix.length + 1)).replace(/_/g, '-')}`, 'index.js');
    if (fs.existsSync(guess) && this.declares(guess, type, data)) return guess;
    if (!this.index) {
      this.index = new Map();
      for (const dir of fs.readdirSync(this.lib)) {
        const file = path.join(this.lib, dir, 'index.js');
        if (!fs.existsSync(file)) continue;
        const text = fs.readFileSync(file, 'utf8');
        const m = /terraformResourceType: '(\w+)'/.exec(text);
        if (m) this.index.set(`${/extends cdkt[fn]\.TerraformDataSource/.test(text) ? 'data' : 'resource'}:${m[1]}`, file);
      }
    }
    return this.index.get(`${data ? 'data' : 'resource'}:${type}`);
  }

  private declares(file: string, type: string, data: boolean): boolean {
    const text = fs.readFileSync(file, 'utf8');
    return text.includes(`terraformResourceType: '${type}'`) && /extends cdkt[fn]\.TerraformDataSource/.test(text) === data;
  }
}

/** Every provider the library synthesizes for, by full source address. */
export function librarySchemas(): Map<string, IProviderSchema> {
  const list: IProviderSchema[] = [
    awsSchema('5.100.0'),
    grafanaSchema('4.45.1'),
    new BindingsProviderSchema('@cdktf/provider-datadog'),
    new BindingsProviderSchema('@cdktf/provider-github'),
    new BindingsProviderSchema('@cdktf/provider-newrelic'),
    new BindingsProviderSchema('@cdktf/provider-pagerduty'),
    new BindingsProviderSchema('@cdktf/provider-gitlab'),
    httpSchema(),
  ];
  return new Map(list.map((s) => [s.source, s]));
}

/** True when a version constraint (`5.100.0`, `= 1.2.3`, `~> 4.45`, `>= 1.0`) admits `version`. */
export function admits(constraint: string, version: string): boolean {
  const v = version.split('.').map(Number);
  return constraint.split(',').every((raw) => {
    const m = /^\s*(~>|>=|<=|=|>|<|!=)?\s*([\d.]+)\s*$/.exec(raw);
    if (!m) return false;
    const c = m[2].split('.').map(Number);
    const cmp = (() => {
      for (let i = 0; i < Math.max(c.length, v.length); i++) {
        const d = (v[i] ?? 0) - (c[i] ?? 0);
        if (d !== 0) return Math.sign(d);
      }
      return 0;
    })();
    switch (m[1] ?? '=') {
      case '=': return cmp === 0;
      case '!=': return cmp !== 0;
      case '>': return cmp > 0;
      case '>=': return cmp >= 0;
      case '<': return cmp < 0;
      case '<=': return cmp <= 0;
      default: // ~>: at least c, and the same up to the next-to-last given part
        return cmp >= 0 && c.slice(0, c.length - 1).every((p, i) => v[i] === p);
    }
  });
}

// ---------------------------------------------------------------- the checker

export interface Finding {
  /** e.g. `grafana_data_source.ds`, `data.http.x`, `provider.aws[0]`, `check.c/data.http.p` */
  readonly address: string;
  /** Argument path inside the block, e.g. `rule[0].data[0].model`. */
  readonly path: string;
  readonly problem: string;
}

const META: Record<'resource' | 'data' | 'provider', Set<string>> = {
  resource: new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'connection', 'provisioner', '//']),
  data: new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', '//']),
  provider: new Set(['alias', 'version', '//']),
};
/** Built into Terraform itself, served by no provider schema. */
const BUILTIN = new Set(['terraform_remote_state', 'terraform_data']);

const isObject = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A whole-value Terraform expression (`${...}`), accepted for any attribute type. */
const isReference = (v: unknown) => typeof v === 'string' && /^\$\{[\s\S]*\}$/.test(v);
const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 80)}…` : s;
};
const typeName = (t: any): string => (typeof t === 'string' ? t : t[0] === 'object' ? 'object' : `${t[0]}(${typeName(t[1])})`);

class Checker {
  public readonly findings: Finding[] = [];
  constructor(private readonly address: string) {}

  private add(p: string, problem: string) {
    this.findings.push({ address: this.address, path: p, problem });
  }

  public body(block: SchemaBlock, value: unknown, p: string, meta?: Set<string>): void {
    if (!isObject(value)) {
      this.add(p, `a block must be an object of arguments; got ${show(value)}`);
      return;
    }
    const attrs = block.attributes ?? {};
    const blocks = block.block_types ?? {};
    const dynamic: Record<string, any> = isObject(value.dynamic) ? value.dynamic : {};
    const at = (k: string) => (p ? `${p}.${k}` : k);
    for (const [key, v] of Object.entries(value)) {
      if (meta?.has(key)) continue;
      if (key === 'dynamic' && !('dynamic' in attrs) && !('dynamic' in blocks)) {
        for (const [name, d] of Object.entries(dynamic)) {
          const bt = blocks[name];
          if (!bt) this.add(at(`dynamic.${name}`), attrs[name] ? 'is an attribute, not a block (no dynamic block)' : 'no such block');
          else if (isObject(d) && 'content' in d) this.body(bt.block, d.content, at(`dynamic.${name}.content`));
          else this.add(at(`dynamic.${name}`), 'a dynamic block needs for_each and content');
        }
        continue;
      }
      const attr = attrs[key];
      const bt = blocks[key];
      if (attr) {
        if (attr.computed && !attr.optional && !attr.required) {
          this.add(at(key), 'is read-only (computed by the provider) and cannot be set');
        } else if (attr.required && v === null) {
          this.add(at(key), 'is required and cannot be null');
        } else if (attr.nested_type) {
          this.nestedAttribute(attr.nested_type, v, at(key));
        } else {
          this.value(attr.type, v, at(key));
        }
      } else if (bt) {
        this.nestedBlock(bt, v, at(key));
      } else {
        this.add(at(key), 'is not an argument of this block (unknown)');
      }
    }
    for (const [name, attr] of Object.entries(attrs)) {
      if (attr.required && !(name in value)) this.add(at(name), 'is a required argument and is missing');
    }
    for (const [name, bt] of Object.entries(blocks)) {
      if ((bt.min_items ?? 0) > 0 && !(name in value) && !(name in dynamic)) {
        this.add(at(name), `is a required block (at least ${bt.min_items}) and is missing`);
      }
    }
  }

  private nestedBlock(bt: SchemaBlockType, v: unknown, p: string): void {
    if (typeof v !== 'object' || v === null) {
      this.add(p, `is a block (${bt.nesting_mode}); got the value ${show(v)}`);
      return;
    }
    switch (bt.nesting_mode) {
      case 'single':
      case 'group':
        if (Array.isArray(v)) this.add(p, `is a single block; got a list of ${v.length}`);
        else this.body(bt.block, v, p);
        return;
      case 'map':
        if (!isObject(v)) this.add(p, `is a map of blocks by label; got ${show(v)}`);
        else for (const [label, b] of Object.entries(v)) this.body(bt.block, b, `${p}["${label}"]`);
        return;
      default: {
        const items = Array.isArray(v) ? v : [v];
        items.forEach((b, i) => this.body(bt.block, b, `${p}[${i}]`));
        if (bt.min_items !== undefined && items.length < bt.min_items) this.add(p, `needs at least ${bt.min_items} block(s); got ${items.length}`);
        if (bt.max_items !== undefined && bt.max_items > 0 && items.length > bt.max_items) this.add(p, `takes at most ${bt.max_items} block(s); got ${items.length}`);
      }
    }
  }

  private nestedAttribute(nt: NonNullable<SchemaAttribute['nested_type']>, v: unknown, p: string): void {
    if (v === null || isReference(v)) return;
    const one: SchemaBlock = { attributes: nt.attributes };
    switch (nt.nesting_mode) {
      case 'single':
        if (!isObject(v)) this.add(p, `is an object attribute; got ${show(v)}`);
        else this.body(one, v, p);
        return;
      case 'map':
        if (!isObject(v)) this.add(p, `is a map of objects; got ${show(v)}`);
        else for (const [k, o] of Object.entries(v)) this.body(one, o, `${p}["${k}"]`);
        return;
      default:
        if (!Array.isArray(v)) {
          this.add(p, `is a ${nt.nesting_mode} of objects; got ${show(v)}`);
          return;
        }
        v.forEach((o, i) => (isReference(o) ? undefined : this.body(one, o, `${p}[${i}]`)));
        if (nt.min_items && v.length < nt.min_items) this.add(p, `needs at least ${nt.min_items} element(s); got ${v.length}`);
        if (nt.max_items && v.length > nt.max_items) this.add(p, `takes at most ${nt.max_items} element(s); got ${v.length}`);
    }
  }

  /** A value against a cty type, with Terraform's safe conversions (number/bool ↔ string). */
  private value(type: any, v: unknown, p: string): void {
    if (v === null || v === undefined || isReference(v) || type === 'dynamic' || type === undefined) return;
    const wrong = () => this.add(p, `must be ${typeName(type)}; got ${show(v)}`);
    if (type === 'string') {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') wrong();
      return;
    }
    if (type === 'number') {
      if (typeof v === 'number') return;
      if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return;
      wrong();
      return;
    }
    if (type === 'bool') {
      if (typeof v === 'boolean' || v === 'true' || v === 'false') return;
      wrong();
      return;
    }
    const [kind, inner, optionals] = type as [string, any, string[] | undefined];
    if (kind === 'list' || kind === 'set') {
      if (!Array.isArray(v)) return wrong();
      v.forEach((e, i) => this.value(inner, e, `${p}[${i}]`));
    } else if (kind === 'map') {
      if (!isObject(v)) return wrong();
      for (const [k, e] of Object.entries(v)) this.value(inner, e, `${p}["${k}"]`);
    } else if (kind === 'tuple') {
      if (!Array.isArray(v) || v.length !== inner.length) return wrong();
      v.forEach((e, i) => this.value(inner[i], e, `${p}[${i}]`));
    } else if (kind === 'object') {
      if (!isObject(v)) return wrong();
      for (const [k, e] of Object.entries(v)) {
        if (!(k in inner)) this.add(`${p}.${k}`, 'is not an attribute of this object type (unknown)');
        else this.value(inner[k], e, `${p}.${k}`);
      }
      for (const k of Object.keys(inner)) {
        if (!(k in v) && !(optionals ?? []).includes(k)) this.add(`${p}.${k}`, 'is a required attribute of this object type and is missing');
      }
    } else {
      wrong();
    }
  }
}

/** Check one block body against a schema; the address names it in the findings. */
export function checkBlock(schema: SchemaBlock, value: unknown, address: string, kind: 'resource' | 'data' | 'provider'): Finding[] {
  const c = new Checker(address);
  c.body(schema, value, '', META[kind]);
  return c.findings;
}

export interface StackReport {
  readonly findings: Finding[];
  /** How many resources, data sources and provider blocks were checked, per provider source. */
  readonly checked: Record<string, number>;
}

/** Check every resource, data source (including those in check blocks) and provider block of a synthesized stack. */
export function checkStack(stackJson: Record<string, any>, schemas: Map<string, IProviderSchema>): StackReport {
  // Each instance of a for_each resource is checked with its own values.
  const stack = expandForEach(stackJson);
  const findings: Finding[] = [];
  const checked: Record<string, number> = {};
  const required: Record<string, any> = stack.terraform?.required_providers ?? {};
  const schemaOf = (local: string, address: string): IProviderSchema | undefined => {
    const req = required[local];
    if (!req) {
      findings.push({ address, path: '', problem: `its provider '${local}' is not in terraform.required_providers` });
      return undefined;
    }
    const source = fullSource(req.source ?? local);
    const schema = schemas.get(source);
    if (!schema) {
      findings.push({ address, path: '', problem: `no schema of provider ${source} to check against` });
      return undefined;
    }
    if (req.version && !admits(req.version, schema.version)) {
      findings.push({ address, path: '', problem: `requires ${source} ${req.version}, but the schema is of ${schema.version}` });
    }
    checked[source] = (checked[source] ?? 0) + 1;
    return schema;
  };
  const localOf = (type: string, body: any) =>
    typeof body?.provider === 'string' ? body.provider.split('.')[0] : type.split('_')[0];

  const one = (kind: 'resource' | 'data', type: string, name: string, body: any, prefix = '') => {
    const address = `${prefix}${kind === 'data' ? 'data.' : ''}${type}.${name}`;
    if (BUILTIN.has(type)) return;
    const schema = schemaOf(localOf(type, body), address);
    if (!schema) return;
    const block = kind === 'data' ? schema.dataSource(type) : schema.resource(type);
    if (!block) {
      findings.push({ address, path: '', problem: `${schema.source} ${schema.version} has no ${kind === 'data' ? 'data source' : 'resource'} ${type}` });
      return;
    }
    findings.push(...checkBlock(block, body, address, kind));
    if (kind === 'resource') findings.push(...providerRuleFindings(type, body, address));
  };

  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(stack[kind] ?? {})) {
      for (const [name, body] of Object.entries(byName)) one(kind, type, name, body);
    }
  }
  for (const [checkName, check] of Object.entries<any>(stack.check ?? {})) {
    for (const [type, byName] of Object.entries<Record<string, any>>(check.data ?? {})) {
      for (const [name, body] of Object.entries(byName)) one('data', type, name, body, `check.${checkName}/`);
    }
  }
  for (const [local, blocks] of Object.entries<any>(stack.provider ?? {})) {
    const list = Array.isArray(blocks) ? blocks : [blocks];
    list.forEach((body, i) => {
      const address = `provider.${local}[${i}]`;
      const schema = schemaOf(local, address);
      if (schema) findings.push(...checkBlock(schema.provider(), body, address, 'provider'));
    });
  }
  return { findings, checked };
}

export function formatFinding(f: Finding): string {
  return `${f.address}${f.path ? ` ${f.path}` : ''}: ${f.problem}`;
}

// ---------------------------------------------------------------- provider rules beyond the schema

/**
 * Rules the grafana provider 4.45.1 enforces in its code (github.com/grafana/terraform-provider-grafana,
 * tag v4.45.1), which no schema dump shows. Written here independently of src/grafana so that
 * the output of the library is checked, not its own validation.
 */
const FOLDER_UID = /^[a-zA-Z0-9_-]+$/;
const asText = (v: unknown) => (typeof v === 'string' && !isReference(v) ? v : undefined);
const asList = (v: unknown): any[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
/** strfmt.ParseDuration (durations with days and weeks), as the rule group's `for` is validated. */
const DURATION_WITH_DAYS = /^(\d+(\.\d+)?\s*(ns|us|µs|ms|s|m|h|d|w))+$|^0$/;

const GRAFANA_RULES: Record<string, (body: any, problem: (path: string, text: string) => void) => void> = {
  // internal/resources/grafana/resource_data_source.go: json_data_encoded must be JSON without
  // the reserved words; secure_json_data_encoded must be JSON without httpHeaderValue.
  grafana_data_source: (body, problem) => {
    const json = asText(body.json_data_encoded);
    if (json !== undefined && !isJson(json)) problem('json_data_encoded', 'must be JSON');
    for (const w of ['httpHeaderName', 'teamHttpHeaders', 'enableSecureSocksProxy', 'secureSocksProxyUsername']) {
      if (typeof body.json_data_encoded === 'string' && body.json_data_encoded.includes(w)) problem('json_data_encoded', `holds the reserved key ${w}`);
    }
    if (typeof body.secure_json_data_encoded === 'string' && body.secure_json_data_encoded.includes('httpHeaderValue')) {
      problem('secure_json_data_encoded', 'holds the reserved key httpHeaderValue');
    }
  },
  // resource_folder.go: folderUIDValidation
  grafana_folder: (body, problem) => {
    const uid = asText(body.uid);
    if (uid !== undefined && !FOLDER_UID.test(uid)) problem('uid', `${JSON.stringify(uid)} is no folder uid`);
  },
  // resource_folder_permission.go and common_resource_permission.go
  grafana_folder_permission: (body, problem) => {
    const uid = asText(body.folder_uid);
    if (uid !== undefined && !FOLDER_UID.test(uid)) problem('folder_uid', `${JSON.stringify(uid)} is no folder uid`);
    asList(body.permissions).forEach((p, i) => {
      if (!['View', 'Edit', 'Admin'].includes(p.permission)) problem(`permissions[${i}].permission`, `${JSON.stringify(p.permission)} is not View, Edit or Admin`);
      if (p.role !== undefined && !['Viewer', 'Editor', 'Admin'].includes(p.role)) problem(`permissions[${i}].role`, `${JSON.stringify(p.role)} is not Viewer, Editor or Admin`);
    });
  },
  // resource_alerting_rule_group.go: folder_uid, durations, model JSON, and the record/condition rules
  grafana_rule_group: (body, problem) => {
    const uid = asText(body.folder_uid);
    if (uid !== undefined && !FOLDER_UID.test(uid)) problem('folder_uid', `${JSON.stringify(uid)} is no folder uid`);
    asList(body.rule).forEach((r, i) => {
      for (const d of ['for', 'keep_firing_for']) {
        const v = asText(r[d]);
        if (v !== undefined && !DURATION_WITH_DAYS.test(v)) problem(`rule[${i}].${d}`, `${JSON.stringify(v)} is no duration`);
      }
      asList(r.data).forEach((q, j) => {
        const m = asText(q.model);
        if (m !== undefined && !isJson(m)) problem(`rule[${i}].data[${j}].model`, 'must be JSON');
      });
      const record = asList(r.record).length > 0;
      if (!record && !r.condition) problem(`rule[${i}].condition`, 'is required for a rule that is no recording rule');
      if (record) {
        for (const k of ['for', 'keep_firing_for', 'missing_series_evals_to_resolve', 'no_data_state', 'exec_err_state', 'condition']) {
          if (r[k] !== undefined && r[k] !== '' && r[k] !== 0 && r[k] !== '0s' && r[k] !== '0') problem(`rule[${i}].${k}`, 'conflicts with record');
        }
      }
    });
  },
  // resource_alerting_notification_policy.go: non-empty group_by entries, four matcher operators
  grafana_notification_policy: (body, problem) => {
    const walk = (node: any, at: string) => {
      asList(node.group_by).forEach((g, i) => { if (g === '') problem(`${at}group_by[${i}]`, 'is empty'); });
      asList(node.matcher).forEach((m, i) => {
        if (!['=', '!=', '=~', '!~'].includes(m.match)) problem(`${at}matcher[${i}].match`, `${JSON.stringify(m.match)} is not =, !=, =~ or !~`);
      });
      asList(node.policy).forEach((p, i) => walk(p, `${at}policy[${i}].`));
    };
    walk(body, '');
  },
  // resource_alerting_contact_point.go (AtLeastOneOf the notifiers) and _notifiers.go (email addresses)
  grafana_contact_point: (body, problem) => {
    const notifiers = Object.keys(body).filter((k) => !['name', 'org_id', 'disable_provenance', 'provider', 'depends_on', 'lifecycle', 'count', 'for_each', '//'].includes(k));
    if (notifiers.length === 0) problem('', 'needs at least one notifier');
    asList(body.email).forEach((e, i) => asList(e.addresses).forEach((a, j) => {
      if (typeof a === 'string' && !isReference(a) && (a === '' || /[,;\n]/.test(a))) problem(`email[${i}].addresses[${j}]`, `${JSON.stringify(a)} is empty or would be split`);
    }));
  },
  // resource_dashboard.go: validateDashboardConfigJSON (a JSON object)
  grafana_dashboard: (body, problem) => {
    const c = asText(body.config_json);
    if (c === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(c);
    } catch {
      parsed = undefined;
    }
    if (!isObject(parsed)) problem('config_json', 'must be a JSON object');
  },
};

/** Findings of the provider rules beyond the schema for one resource. */
export function providerRuleFindings(type: string, body: any, address: string): Finding[] {
  const out: Finding[] = [];
  GRAFANA_RULES[type]?.(body, (p, problem) => out.push({ address, path: p, problem }));
  return out;
}

// ---------------------------------------------------------------- schema comparison

/** Differences between two schema blocks (e.g. a transcription against the real dump). */
export function compareBlocks(actual: SchemaBlock, expected: SchemaBlock, p = ''): string[] {
  const out: string[] = [];
  const at = (k: string) => (p ? `${p}.${k}` : k);
  const a = actual.attributes ?? {};
  const e = expected.attributes ?? {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(e)])) {
    if (!(k in e)) {out.push(`${at(k)}: attribute not in the reference`);} else if (!(k in a)) {out.push(`${at(k)}: attribute missing`);} else {
      for (const flag of ['required', 'optional', 'computed', 'sensitive'] as const) {
        if (Boolean(a[k][flag]) !== Boolean(e[k][flag])) out.push(`${at(k)}: ${flag} is ${Boolean(a[k][flag])}, the reference says ${Boolean(e[k][flag])}`);
      }
      if (JSON.stringify(a[k].type) !== JSON.stringify(e[k].type)) out.push(`${at(k)}: type ${JSON.stringify(a[k].type)}, the reference says ${JSON.stringify(e[k].type)}`);
      if (Boolean(a[k].nested_type) !== Boolean(e[k].nested_type)) {out.push(`${at(k)}: nested_type differs`);} else if (a[k].nested_type && e[k].nested_type) {
        if (a[k].nested_type!.nesting_mode !== e[k].nested_type!.nesting_mode) out.push(`${at(k)}: nesting_mode differs`);
        out.push(...compareBlocks({ attributes: a[k].nested_type!.attributes }, { attributes: e[k].nested_type!.attributes }, at(k)));
      }
    }
  }
  const ab = actual.block_types ?? {};
  const eb = expected.block_types ?? {};
  for (const k of new Set([...Object.keys(ab), ...Object.keys(eb)])) {
    if (!(k in eb)) {out.push(`${at(k)}: block not in the reference`);} else if (!(k in ab)) {out.push(`${at(k)}: block missing`);} else {
      for (const f of ['nesting_mode', 'min_items', 'max_items'] as const) {
        if ((ab[k][f] ?? 0) !== (eb[k][f] ?? 0)) out.push(`${at(k)}: ${f} is ${ab[k][f]}, the reference says ${eb[k][f]}`);
      }
      out.push(...compareBlocks(ab[k].block, eb[k].block, at(k)));
    }
  }
  return out;
}
