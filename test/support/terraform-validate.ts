/**
 * The Terraform validation layer: the verdict on what we synthesize comes from the real
 * Terraform CLI and the real AWS provider, offline.
 *
 * - `awsPart(stack)` keeps the AWS part of a synthesized stack (the aws provider, aws_*
 *   resources and data sources, checks that only use them, variables, locals, outputs that
 *   do not point at what was dropped, and the top-level `import` blocks whose `to` is an aws_*
 *   resource).
 * - `TerraformValidator` runs `terraform init` once against a local filesystem mirror of the
 *   hashicorp/aws provider, then `terraform validate` per stack.
 *
 * Configuration: TERRAFORM_BIN (default `terraform` on PATH) and TF_PROVIDER_MIRROR (default
 * /opt/tf-plugins, a directory holding registry.terraform.io/hashicorp/aws/<version>/...).
 * When either is missing the validator throws with a message saying so: it never skips.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mapInterpolations } from './terraform-strings';

const KEEP_ALWAYS = new Set(['variable', 'locals']);
/**
 * A reference to something dropped becomes a reference to this variable: variables have no
 * value during `terraform validate`, so the provider checks the argument's type, not a made-up value.
 */
const REMOVED_VARIABLE = 'removed_non_aws_reference';
const REMOVED_PLACEHOLDER = `\${var.${REMOVED_VARIABLE}}`;
/** Built into Terraform itself (terraform.io/builtin/terraform): valid offline, kept. */
const BUILTIN_TYPES = new Set(['terraform_remote_state', 'terraform_data']);

export interface AwsPart {
  /** The AWS-only Terraform JSON. */
  readonly json: Record<string, any>;
  /** Addresses that were dropped (non-AWS resources and data sources). */
  readonly dropped: string[];
  /** Number of aws_ resources and data sources kept. */
  readonly awsBlocks: number;
}

/** The AWS part of a synthesized stack, or undefined when the stack has none. */
export function awsPart(stack: Record<string, any>): AwsPart | undefined {
  const out: Record<string, any> = {};
  const dropped: string[] = [];
  let awsBlocks = 0;
  const aws = stack.terraform?.required_providers?.aws;
  if (!aws) return undefined;
  out.terraform = { required_providers: { aws } };
  if (stack.provider?.aws) out.provider = { aws: stack.provider.aws };

  for (const kind of ['resource', 'data']) {
    for (const [type, byName] of Object.entries<Record<string, any>>(stack[kind] ?? {})) {
      if (type.startsWith('aws_') || BUILTIN_TYPES.has(type)) {
        out[kind] = out[kind] ?? {};
        out[kind][type] = byName;
        if (type.startsWith('aws_')) awsBlocks += Object.keys(byName).length;
      } else {
        for (const name of Object.keys(byName)) dropped.push(kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`);
      }
    }
  }
  for (const key of KEEP_ALWAYS) if (stack[key]) out[key] = stack[key];
  // Import blocks (adopted resources, Terraform 1.5+) are kept when they import into an aws_*
  // resource, whether or not the configuration declares it: Terraform then judges the block.
  // Those of other providers' resources are dropped with their resources.
  if (Array.isArray(stack.import)) {
    const kept = stack.import.filter((block: any) => typeof block?.to === 'string' && block.to.startsWith('aws_'));
    if (kept.length > 0) out.import = kept;
  }
  if (stack.check) {
    for (const [name, check] of Object.entries<any>(stack.check)) {
      const types = Object.keys(check.data ?? {});
      if (types.every((t) => t.startsWith('aws_'))) {
        out.check = out.check ?? {};
        out.check[name] = check;
      } else {
        for (const t of types) for (const n of Object.keys(check.data[t])) dropped.push(`data.${t}.${n}`);
      }
    }
  }
  if (stack.output) {
    for (const [name, output] of Object.entries<any>(stack.output)) {
      if (!references(JSON.stringify(output), dropped)) {
        out.output = out.output ?? {};
        out.output[name] = output;
      }
    }
  }
  const json = scrub(out, dropped);
  if (JSON.stringify(json).includes(REMOVED_PLACEHOLDER)) {
    json.variable = { ...(json.variable ?? {}), [REMOVED_VARIABLE]: { type: 'any', description: 'stands for references to dropped non-AWS objects' } };
  }
  return { json, dropped, awsBlocks };
}

function references(text: string, addresses: string[]): boolean {
  return addresses.some((a) => new RegExp(`(^|[^A-Za-z0-9_.])${a.replace(/\./g, '\\.')}([^A-Za-z0-9_]|$)`).test(text));
}

/**
 * Replace references to dropped addresses: a string that is one interpolation becomes the
 * placeholder; in a longer string (a JSON policy, a query) only the interpolations that name a
 * dropped address do, so the text around them stays what it was; depends_on entries go.
 */
function scrub(value: any, dropped: string[]): any {
  if (typeof value === 'string') {
    if (!references(value, dropped)) return value;
    const partly = mapInterpolations(value, (i) => (references(i, dropped) ? REMOVED_PLACEHOLDER : i));
    return references(partly, dropped) || /^\$\{var\.removed_non_aws_reference\}$/.test(partly) ? REMOVED_PLACEHOLDER : partly;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, dropped));
  if (value && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === 'depends_on' && Array.isArray(v) ? v.filter((d) => !references(String(d), dropped)) : scrub(v, dropped);
    }
    return out;
  }
  return value;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly errorCount: number;
  readonly warningCount: number;
  /** Human-readable diagnostics. */
  readonly diagnostics: string[];
}

export class TerraformValidator {
  public readonly terraform: string;
  public readonly mirror: string;
  private readonly workdir: string;
  private readonly env: NodeJS.ProcessEnv;
  private initialized = false;

  constructor() {
    this.terraform = process.env.TERRAFORM_BIN ?? 'terraform';
    this.mirror = process.env.TF_PROVIDER_MIRROR ?? '/opt/tf-plugins';
    const version = spawnSync(this.terraform, ['version', '-json'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      throw new Error(`Terraform validation layer: the Terraform CLI '${this.terraform}' could not be run (${version.error?.message ?? version.stderr}). Install Terraform >= 1.10 or set TERRAFORM_BIN.`);
    }
    const awsDir = path.join(this.mirror, 'registry.terraform.io', 'hashicorp', 'aws');
    if (!fs.existsSync(awsDir) || fs.readdirSync(awsDir).length === 0) {
      throw new Error(`Terraform validation layer: no hashicorp/aws provider in the filesystem mirror ${this.mirror} (expected ${awsDir}/<version>/<os_arch>/). Set TF_PROVIDER_MIRROR to the mirror directory.`);
    }
    this.workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfvalidate-'));
    const rc = path.join(this.workdir, 'terraformrc');
    fs.writeFileSync(rc, [
      'provider_installation {',
      `  filesystem_mirror {\n    path    = ${JSON.stringify(this.mirror)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }`,
      '  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }',
      '}',
      '',
    ].join('\n'));
    this.env = { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
    delete this.env.TF_PLUGIN_CACHE_DIR;
  }

  /** Validate one Terraform JSON configuration. */
  public validate(config: Record<string, any>): ValidationResult {
    fs.writeFileSync(path.join(this.workdir, 'main.tf.json'), JSON.stringify(config, null, 2));
    if (!this.initialized) {
      const init = this.run(['init', '-backend=false', '-input=false', '-no-color']);
      if (init.status !== 0) {
        throw new Error(`Terraform validation layer: 'terraform init' failed against the mirror ${this.mirror}:\n${init.stdout}\n${init.stderr}`);
      }
      this.initialized = true;
    }
    const res = this.run(['validate', '-json', '-no-color']);
    let parsed: any;
    try {
      parsed = JSON.parse(res.stdout);
    } catch {
      throw new Error(`terraform validate printed no JSON (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
    }
    const diagnostics = (parsed.diagnostics ?? []).map((d: any) =>
      `${d.severity}: ${d.summary}${d.detail ? ` — ${d.detail}` : ''}${d.range ? ` (${d.range.filename}:${d.range.start.line})` : ''}`);
    return { valid: parsed.valid === true, errorCount: parsed.error_count, warningCount: parsed.warning_count, diagnostics };
  }

  /** `terraform providers schema -json` for the providers `config` requires (from the mirror). */
  public providersSchema(config: Record<string, any>): any {
    fs.writeFileSync(path.join(this.workdir, 'main.tf.json'), JSON.stringify(config, null, 2));
    const init = this.run(['init', '-backend=false', '-input=false', '-no-color']);
    if (init.status !== 0) {
      throw new Error(`Terraform validation layer: 'terraform init' failed against the mirror ${this.mirror}:\n${init.stdout}\n${init.stderr}`);
    }
    this.initialized = true;
    const res = spawnSync(this.terraform, ['providers', 'schema', '-json'], {
      cwd: this.workdir, env: this.env, encoding: 'utf8', timeout: 300_000, maxBuffer: 1024 * 1024 * 1024,
    });
    if (res.status !== 0) throw new Error(`terraform providers schema failed (exit ${res.status}):\n${res.stderr}`);
    return JSON.parse(res.stdout);
  }

  public dispose(): void {
    fs.rmSync(this.workdir, { recursive: true, force: true });
  }

  private run(args: string[]) {
    return spawnSync(this.terraform, args, { cwd: this.workdir, env: this.env, encoding: 'utf8', timeout: 300_000 });
  }
}
