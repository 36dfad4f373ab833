/**
 * checkov on every synthesized stack (the cdk.tf.json of every example stack). checkov's
 * `terraform` framework reads only `.tf` files and finds no resource in cdk.tf.json; its
 * `terraform_json` framework is the one that reads Terraform JSON, so that is the one run.
 * Every failed check must be accepted in test/checkov/baseline.yaml, with its reason; an entry
 * there that matches no finding fails too.
 *
 * checkov 3.3's Terraform JSON parser cannot read a top-level `import` block in its list form
 * (Terraform's JSON syntax: `"import": [{ "to": …, "id": … }]`; checkov stops with "this method
 * receives only dicts" and reports a parsing error for the whole stack), so the stacks are
 * scanned without their import blocks: those carry no setting that checkov checks.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { buildExamples } from '../../examples/app';
import { ensureAwsTool } from '../support/aws-tools';
import { synthApp } from '../support/synth';

interface BaselineEntry {
  readonly check: string;
  readonly resources: string[];
  readonly reason: string;
  readonly prop?: string;
}

interface Finding {
  readonly check: string;
  readonly file: string;
  readonly resource: string;
}

const BASELINE: BaselineEntry[] = parse(fs.readFileSync(path.join(__dirname, 'baseline.yaml'), 'utf8'));
let checkov: string;

beforeAll(() => {
  checkov = ensureAwsTool('checkov');
}, 900_000);

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/** Runs checkov on a directory of stacks; nothing leaves the machine (no download, proxy to a closed local port). */
function runCheckov(dir: string): { summary: any; failed: Finding[] } {
  const env = { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' };
  const res = spawnSync(checkov, ['-d', dir, '--framework', 'terraform_json', '--skip-download', '--compact', '-o', 'json'], {
    encoding: 'utf8', env, timeout: 240_000, maxBuffer: 256 * 1024 * 1024,
  });
  if (res.error) throw new Error(`checkov could not run: ${res.error.message}`);
  let parsed: any;
  try {
    parsed = JSON.parse(res.stdout);
  } catch {
    throw new Error(`checkov printed no JSON (exit ${res.status}):\n${res.stdout.slice(0, 2000)}\n${res.stderr.slice(-4000)}`);
  }
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  const report = reports.find((r) => r.check_type === 'terraform_json');
  if (!report) throw new Error(`checkov ran no terraform_json checks:\n${res.stdout.slice(0, 2000)}\n${res.stderr.slice(-4000)}`);
  const failed = (report.results?.failed_checks ?? []).map((f: any) => ({ check: f.check_id, file: f.file_path, resource: f.resource }));
  return { summary: report.summary, failed };
}

const accepts = (e: BaselineEntry, f: Finding) => e.check === f.check && e.resources.some((r) => glob(r).test(f.resource.split('.').pop()!));

test('every baseline entry has a check, resources and a reason', () => {
  expect(BASELINE.length).toBeGreaterThan(0);
  for (const e of BASELINE) {
    expect({ check: e.check, ok: /^CKV2?_[A-Z0-9]+_\d+$/.test(e.check) && e.resources?.length > 0 && (e.reason ?? '').length > 40 }).toEqual({ check: e.check, ok: true });
  }
});

test('checkov finds no failed check on the synthesized examples outside the baseline', () => {
  const { outdir } = synthApp(buildExamples);
  const stacks = path.join(outdir, 'stacks');
  let withoutImports = 0;
  for (const stack of fs.readdirSync(stacks)) {
    const file = path.join(stacks, stack, 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!json.import) continue;
    delete json.import;
    fs.writeFileSync(file, JSON.stringify(json));
    withoutImports++;
  }
  expect(withoutImports).toBeGreaterThan(0);
  const { summary, failed } = runCheckov(stacks);
  expect(summary.parsing_errors).toBe(0);
  expect(summary.passed).toBeGreaterThan(100);
  const unaccepted = failed.filter((f) => !BASELINE.some((e) => accepts(e, f)));
  const unused = BASELINE.filter((e) => !failed.some((f) => accepts(e, f))).map((e) => `${e.check} ${e.resources.join(', ')}`);
  console.log(`checkov failed checks: ${unaccepted.length}, baselined: ${failed.length - unaccepted.length} (passed: ${summary.passed})`);
  expect(unaccepted.map((f) => `${f.check} ${f.file} ${f.resource}`)).toEqual([]);
  expect(unused).toEqual([]);
  fs.rmSync(outdir, { recursive: true, force: true });
});

test('checkov reports what it should (positive control)', () => {
  // A bucket with nothing set: no encryption, versioning, logging or public access block.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkov-control-'));
  fs.mkdirSync(path.join(dir, 'control'));
  fs.writeFileSync(path.join(dir, 'control', 'cdk.tf.json'), JSON.stringify({
    terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    resource: { aws_s3_bucket: { Control_Bucket_0123ABCD: { bucket: 'control-bucket' } } },
  }));
  const { failed } = runCheckov(dir);
  expect(failed.map((f) => f.check)).toEqual(expect.arrayContaining(['CKV_AWS_18', 'CKV_AWS_21']));
  expect(failed.some((f) => !BASELINE.some((e) => accepts(e, f)))).toBe(true);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the import blocks are taken out because checkov cannot parse them (if it ever can, this fails)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkov-import-'));
  fs.mkdirSync(path.join(dir, 'control'));
  fs.writeFileSync(path.join(dir, 'control', 'cdk.tf.json'), JSON.stringify({
    terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    resource: { aws_sns_topic: { Topic: { name: 'control' } } },
    import: [{ to: 'aws_sns_topic.Topic', id: 'arn:aws:sns:eu-west-1:123456789012:control' }],
  }));
  expect(runCheckov(dir).summary.parsing_errors).toBe(1);
  fs.rmSync(dir, { recursive: true, force: true });
});
