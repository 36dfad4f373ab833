import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Secret } from '../../core/secret';

/**
 * Writes a pipeline's files (path in the repository → text) under `<outdir>/gitops/<stack>/`
 * whenever the construct's stack synthesizes.
 */
export function writeFilesAtSynth(scope: Construct, files: () => { [file: string]: string }): void {
  const stack = TerraformStack.of(scope);
  const inner = stack.synthesizer;
  const stackName = stack.node.id;
  stack.synthesizer = {
    synthesize(session) {
      inner.synthesize(session);
      const all = files();
      for (const file of Object.keys(all).sort()) {
        const target = path.join(session.outdir, 'gitops', stackName, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, all[file]);
      }
    },
  };
}

/**
 * The `TF_VAR_` variables a pipeline passes to its jobs, sorted: every
 * `Secret.fromEnvironment()` of the given stacks, and the extra names.
 */
export function pipelineSecrets(scope: Construct, stackNames: string[], extra: string[]): string[] {
  const stacks = new Set(stackNames);
  const names = new Set(extra);
  for (const c of scope.node.root.node.findAll()) {
    if (Secret.isSecret(c) && c.environmentVariable && stacks.has(TerraformStack.of(c).node.id)) names.add(c.environmentVariable);
  }
  return [...names].sort();
}
