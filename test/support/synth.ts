import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, DefaultTokenResolver, StringConcat, TerraformStack, Testing, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

export interface SynthResult {
  readonly outdir: string;
  /** Parsed cdk.tf.json per stack name. */
  readonly stacks: Record<string, any>;
  /** Every file written, relative path → contents. */
  readonly files: Record<string, string>;
}

/** Synthesize a whole app (validations included) into a fresh directory and read it back. */
export function synthApp(build: (app: App) => unknown): SynthResult {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-out-'));
  const app = new App({ outdir, stackTraces: false });
  build(app);
  app.synth();
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else files[path.relative(outdir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(outdir);
  const stacks: Record<string, any> = {};
  for (const [rel, text] of Object.entries(files)) {
    const m = /^stacks\/([^/]+)\/cdk\.tf\.json$/.exec(rel);
    if (m) stacks[m[1]] = JSON.parse(text);
  }
  return { outdir, stacks, files };
}

/** A fresh app with one stack named `test`. */
export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app({ stackTraces: false }), 'test');
}

/** Synthesize one stack (validations included) and parse its Terraform JSON. */
export function synthStack(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** Synthesize one stack built by `build` into a new app. */
export function synthWith(build: (stack: TerraformStack) => void): any {
  const stack = newStack();
  build(stack);
  return synthStack(stack);
}

/** A value with its tokens resolved the way synthesis writes them (`${type.name.attr}`). */
export function resolved(scope: IConstruct, value: unknown): any {
  return Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}
