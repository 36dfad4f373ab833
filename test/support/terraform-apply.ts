/**
 * `terraform apply` and `terraform destroy` of the AWS part of a stack (see awsPart) against
 * the local AWS emulator on 127.0.0.1 (test/support/aws-tools.ts), with the real Terraform CLI
 * and the real AWS provider from the filesystem mirror, offline.
 *
 * - `prepareForApply` points every aws provider block at the emulator, leaves out what the
 *   emulator lacks (test/apply/unsupported.ts) and what references it, gives every variable
 *   without a default a dummy value, and reroutes cross-stack remote state to the run's own
 *   state files.
 * - `seedSecrets` creates, in the emulator, the secrets and SSM parameters that the stack's data
 *   sources read (dummy values; JSON objects where the stack reads keys of them).
 * - `TerraformApplier` runs init, apply and destroy per stack, each in its own directory and
 *   bounded in time.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UNSUPPORTED_BY_EMULATOR } from '../apply/unsupported';

/** The provider's endpoint keys of every service the examples use, by resource type prefix. */
const SERVICE_BY_PREFIX: Array<[string, string]> = [
  ['aws_acm_', 'acm'],
  ['aws_apigatewayv2_', 'apigatewayv2'],
  ['aws_autoscaling_', 'autoscaling'],
  ['aws_db_', 'rds'],
  ['aws_default_security_group', 'ec2'],
  ['aws_dynamodb_', 'dynamodb'],
  ['aws_ecs_', 'ecs'],
  ['aws_elasticache_', 'elasticache'],
  ['aws_flow_log', 'ec2'],
  ['aws_lambda_', 'lambda'],
  ['aws_launch_template', 'ec2'],
  ['aws_lb', 'elbv2'],
  ['aws_route53_', 'route53'],
  ['aws_security_group', 'ec2'],
  ['aws_sfn_', 'sfn'],
  ['aws_subnet', 'ec2'],
  ['aws_vpc', 'ec2'],
  ['aws_cloudwatch_log_', 'logs'],
  ['aws_cloudwatch_event_', 'events'],
  ['aws_cloudwatch_', 'cloudwatch'],
  ['aws_chatbot_', 'chatbot'],
  ['aws_kinesis_firehose_', 'firehose'],
  ['aws_kinesis_stream', 'kinesis'],
  ['aws_iam_', 'iam'],
  ['aws_kms_', 'kms'],
  ['aws_s3_', 's3'],
  ['aws_sns_', 'sns'],
  ['aws_sqs_', 'sqs'],
  ['aws_secretsmanager_', 'secretsmanager'],
  ['aws_ssm_', 'ssm'],
  ['aws_caller_identity', 'sts'],
];
/** Used by the provider itself (credentials, assume_role). */
const ALWAYS = ['sts'];

export const FAKE_ACCOUNT_ID = '123456789012';

export function serviceOf(type: string): string {
  const hit = SERVICE_BY_PREFIX.find(([prefix]) => type.startsWith(prefix));
  if (!hit) {
    throw new Error(`test/support/terraform-apply.ts: no emulator endpoint for ${type}; add its service to SERVICE_BY_PREFIX (every call must go to 127.0.0.1)`);
  }
  return hit[1];
}

export interface Excluded {
  readonly address: string;
  readonly reason: string;
}

export interface SecretSeed {
  /** The account the provider block works in (that of its assume_role, else the emulator's default). */
  readonly account: string;
  readonly region: string;
  readonly kind: 'secret' | 'parameter';
  readonly name: string;
  readonly value: string;
}

export interface PreparedStack {
  readonly config: Record<string, any>;
  readonly tfvars: Record<string, any>;
  /** Addresses of the aws_ resources that are applied. */
  readonly applied: string[];
  /** Every aws_ resource synthesized. */
  readonly synthesized: string[];
  readonly excluded: Excluded[];
  readonly seeds: SecretSeed[];
}

function addressRegex(address: string): RegExp {
  return new RegExp(`(^|[^A-Za-z0-9_.\\-])${address.replace(/[.\-]/g, (c) => `\\${c}`)}([^A-Za-z0-9_\\-]|$)`);
}

function dummyValue(name: string, type: unknown): any {
  const t = typeof type === 'string' ? type : 'string';
  if (t === 'number') return 1;
  if (t === 'bool') return true;
  if (/^(list|set|tuple)/.test(t)) return [];
  if (/^(map|object)/.test(t)) return {};
  return /url|endpoint/i.test(name) ? 'https://127.0.0.1/dummy' : `dummy-${name.replace(/_/g, '-')}`;
}

/**
 * The AWS part of a stack made ready for the emulator at `endpoint`. `remoteState` maps the
 * path of a local-backend remote state (a cross-stack reference) to the state file of this run.
 */
export function prepareForApply(part: Record<string, any>, endpoint: string, remoteState: (p: string) => string): PreparedStack {
  const config = JSON.parse(JSON.stringify(part));
  const excluded: Excluded[] = [];
  const synthesized: string[] = [];
  const services = new Set(ALWAYS);

  // 1. what the emulator lacks
  const gone = new Map<string, string>();
  for (const kind of ['resource', 'data']) {
    for (const [type, byName] of Object.entries<Record<string, any>>(config[kind] ?? {})) {
      if (!type.startsWith('aws_')) continue;
      services.add(serviceOf(type));
      for (const name of Object.keys(byName)) {
        const address = kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        if (kind === 'resource') synthesized.push(address);
        if (UNSUPPORTED_BY_EMULATOR[type]) gone.set(address, `the emulator lacks ${UNSUPPORTED_BY_EMULATOR[type]}`);
      }
    }
  }
  // 2. and everything that references it, to a fixed point
  const refersToGone = (value: unknown): string | undefined => {
    const text = JSON.stringify(value);
    for (const address of gone.keys()) if (addressRegex(address).test(text)) return address;
    return undefined;
  };
  let changed = gone.size > 0;
  while (changed) {
    changed = false;
    for (const kind of ['resource', 'data']) {
      for (const [type, byName] of Object.entries<Record<string, any>>(config[kind] ?? {})) {
        for (const [name, body] of Object.entries<any>(byName)) {
          const address = kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
          if (gone.has(address)) continue;
          const via = refersToGone(body);
          if (via) { gone.set(address, `references ${via}`); changed = true; }
        }
      }
    }
    for (const [name, value] of Object.entries<any>(config.locals ?? {})) {
      const address = `local.${name}`;
      if (gone.has(address)) continue;
      const via = refersToGone(value);
      if (via) { gone.set(address, `references ${via}`); changed = true; }
    }
  }
  for (const [address, reason] of gone) {
    const parts = address.split('.');
    if (parts[0] === 'local') delete config.locals[parts[1]];
    else if (parts[0] === 'data') delete config.data[parts[1]][parts[2]];
    else delete config.resource[parts[0]][parts[1]];
    if (parts[0] !== 'local' && parts[0] !== 'data' && address.startsWith('aws_')) excluded.push({ address, reason });
  }
  for (const kind of ['resource', 'data']) {
    for (const type of Object.keys(config[kind] ?? {})) if (Object.keys(config[kind][type]).length === 0) delete config[kind][type];
    if (config[kind] && Object.keys(config[kind]).length === 0) delete config[kind];
  }
  for (const key of ['output', 'check']) {
    for (const [name, value] of Object.entries<any>(config[key] ?? {})) if (refersToGone(value)) delete config[key][name];
  }
  // an empty block is not valid Terraform JSON
  for (const key of ['output', 'check', 'locals']) if (config[key] && Object.keys(config[key]).length === 0) delete config[key];

  // 3. providers: every aws block talks to the emulator only
  const endpoints: Record<string, string> = {};
  for (const s of [...services].sort()) endpoints[s] = endpoint;
  const regions = new Map<string, { region: string; account: string }>();
  for (const block of config.provider?.aws ?? []) {
    Object.assign(block, {
      access_key: 'emulator-access-key',
      secret_key: 'emulator-secret-key',
      skip_credentials_validation: true,
      skip_metadata_api_check: true,
      // with allowed_account_ids the provider must learn the account: it asks the emulator's
      // STS (account 123456789012), so the stack's own account guard is exercised too
      skip_requesting_account_id: !block.allowed_account_ids,
      skip_region_validation: true,
      s3_use_path_style: true,
      endpoints: [endpoints],
    });
    const role = /^arn:aws:iam::(\d{12}):role\//.exec(block.assume_role?.[0]?.role_arn ?? '');
    regions.set(block.alias ? `aws.${block.alias}` : 'aws', { region: block.region, account: role ? role[1] : FAKE_ACCOUNT_ID });
  }

  // 4. cross-stack references through local remote state: this run's state files
  for (const rs of Object.values<any>(config.data?.terraform_remote_state ?? {})) {
    if (rs.backend === 'local' && rs.config?.path) rs.config.path = remoteState(rs.config.path);
  }

  // 5. dummy values for variables without a default
  const tfvars: Record<string, any> = {};
  for (const [name, v] of Object.entries<any>(config.variable ?? {})) {
    if (!('default' in v)) tfvars[name] = dummyValue(name, v.type);
  }

  // 6. what the data sources read: secrets and parameters to seed
  const seeds = new Map<string, SecretSeed>();
  const text = JSON.stringify(config);
  const where = (body: any) => regions.get(body.provider ?? 'aws') ?? regions.get('aws') ?? { region: 'us-east-1', account: FAKE_ACCOUNT_ID };
  for (const [name, body] of Object.entries<any>(config.data?.aws_secretsmanager_secret_version ?? {})) {
    let secretName: string = body.secret_id;
    const arn = /^arn:aws:secretsmanager:[^:]+:\d+:secret:(.+)-[A-Za-z0-9]{6}$/.exec(secretName);
    if (arn) {
      // the emulator gives its own random suffix to an ARN: read the secret by its name
      secretName = arn[1];
      body.secret_id = secretName;
    }
    const keys = new Set<string>();
    const ref = `data\\.aws_secretsmanager_secret_version\\.${name.replace(/[-]/g, '\\-')}\\.secret_string\\)`;
    for (const m of text.matchAll(new RegExp(`${ref}(?:\\.([A-Za-z0-9_]+)|\\[\\\\"([^\\\\]+)\\\\"\\]|, \\\\"([^\\\\]+)\\\\")`, 'g'))) {
      keys.add(m[1] ?? m[2] ?? m[3]);
    }
    const { region, account } = where(body);
    const id = `${account}/${region}/secret/${secretName}`;
    const previous = seeds.get(id);
    const obj: Record<string, string> = previous && previous.value.startsWith('{') ? JSON.parse(previous.value) : {};
    for (const k of keys) obj[k] = dummyValue(k, 'string');
    const value = Object.keys(obj).length ? JSON.stringify(obj) : previous?.value ?? 'dummy-secret-value';
    seeds.set(id, { account, region, kind: 'secret', name: secretName, value });
  }
  for (const body of Object.values<any>(config.data?.aws_ssm_parameter ?? {})) {
    const { region, account } = where(body);
    seeds.set(`${account}/${region}/parameter/${body.name}`, { account, region, kind: 'parameter', name: body.name, value: 'dummy-parameter-value' });
  }

  const applied = synthesized.filter((a) => !gone.has(a));
  return { config, tfvars, applied, synthesized, excluded, seeds: [...seeds.values()] };
}

/** Creates the seeds in the emulator (its JSON APIs, unsigned, region from the credential scope). */
export async function seedSecrets(endpoint: string, seeds: SecretSeed[]): Promise<void> {
  for (const seed of seeds) {
    const service = seed.kind === 'secret' ? 'secretsmanager' : 'ssm';
    const target = seed.kind === 'secret' ? 'secretsmanager.CreateSecret' : 'AmazonSSM.PutParameter';
    const body = seed.kind === 'secret'
      ? { Name: seed.name, SecretString: seed.value }
      : { Name: seed.name, Value: seed.value, Type: 'SecureString', Overwrite: true };
    const res = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': target,
        'x-moto-account-id': seed.account,
        'Authorization': `AWS4-HMAC-SHA256 Credential=emulator-access-key/20260101/${seed.region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify(body),
    });
    const answer = await res.text();
    if (!res.ok && !/ResourceExistsException/.test(answer)) {
      throw new Error(`seeding ${seed.kind} ${seed.name} in ${seed.region} failed (${res.status}): ${answer}`);
    }
  }
}

export interface CommandResult {
  readonly ok: boolean;
  readonly output: string;
  readonly seconds: number;
}

/** One directory per stack under one root; each command bounded by `timeoutMs`. */
export class TerraformApplier {
  public readonly root: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly terraform: string;

  constructor(endpoint: string, private readonly timeoutMs = 200_000) {
    this.terraform = process.env.TERRAFORM_BIN ?? 'terraform';
    const mirror = process.env.TF_PROVIDER_MIRROR ?? '/opt/tf-plugins';
    const version = spawnSync(this.terraform, ['version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      throw new Error(`apply layer: the Terraform CLI '${this.terraform}' could not be run (${version.error?.message ?? version.stderr}). Install Terraform >= 1.10 or set TERRAFORM_BIN.`);
    }
    const awsDir = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
    if (!fs.existsSync(awsDir) || fs.readdirSync(awsDir).length === 0) {
      throw new Error(`apply layer: no hashicorp/aws provider in the filesystem mirror ${mirror} (expected ${awsDir}/<version>/<os_arch>/). Set TF_PROVIDER_MIRROR.`);
    }
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'tfapply-'));
    const rc = path.join(this.root, 'terraformrc');
    fs.writeFileSync(rc, [
      'provider_installation {',
      `  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }`,
      '  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }',
      '}',
      '',
    ].join('\n'));
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(env)) {
      if (/^AWS_/.test(k) || /^(http|https|all)_proxy$/i.test(k) || /^TF_VAR_/.test(k)) delete env[k];
    }
    delete env.TF_PLUGIN_CACHE_DIR;
    this.env = {
      ...env,
      TF_CLI_CONFIG_FILE: rc,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      // anything the endpoints block would miss still goes to the emulator
      AWS_ENDPOINT_URL: endpoint,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      NO_PROXY: '127.0.0.1,localhost',
    };
  }

  public dir(stack: string): string {
    return path.join(this.root, stack);
  }

  /** Writes the stack's configuration and runs init and apply. */
  public apply(stack: string, prepared: PreparedStack): CommandResult {
    const dir = this.dir(stack);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(prepared.config, null, 2));
    fs.writeFileSync(path.join(dir, 'terraform.tfvars.json'), JSON.stringify(prepared.tfvars, null, 2));
    const init = this.run(dir, ['init', '-input=false', '-no-color']);
    if (!init.ok) return init;
    const apply = this.run(dir, ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=8']);
    return { ok: apply.ok, output: apply.output, seconds: init.seconds + apply.seconds };
  }

  public destroy(stack: string): CommandResult {
    if (!fs.existsSync(path.join(this.dir(stack), '.terraform'))) {
      return { ok: true, output: 'never initialized: nothing to destroy', seconds: 0 };
    }
    // the state has every id: no refresh of what was applied moments ago
    return this.run(this.dir(stack), ['destroy', '-auto-approve', '-input=false', '-no-color', '-refresh=false', '-parallelism=8']);
  }

  /** Managed resources in the stack's state. */
  public stateList(stack: string): string[] {
    const dir = this.dir(stack);
    if (!fs.existsSync(path.join(dir, 'terraform.tfstate'))) return [];
    const res = this.run(dir, ['state', 'list', '-no-color']);
    if (!res.ok) throw new Error(`terraform state list failed in ${dir}:\n${res.output}`);
    return res.output.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('data.'));
  }

  public dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private run(cwd: string, args: string[]): CommandResult {
    const start = Date.now();
    const res = spawnSync(this.terraform, args, { cwd, env: this.env, encoding: 'utf8', timeout: this.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
    const seconds = (Date.now() - start) / 1000;
    const timedOut = res.error && /ETIMEDOUT/.test(String(res.error));
    const output = `${timedOut ? `terraform ${args[0]} timed out after ${this.timeoutMs / 1000} s\n` : ''}${res.stdout ?? ''}\n${res.stderr ?? ''}`;
    return { ok: !res.error && res.status === 0, output, seconds };
  }
}
