/**
 * The one place the IntegrationCatalog reaches into cdktf's synthesis: running work once just
 * before a stack is synthesized, and writing a file next to the stack's `cdk.tf.json`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Aspects, IAspect, ISynthesisSession, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Run `work` once, before `stack` is synthesized, whichever way it is: `App.synth()` prepares
 * every stack (resolving its elements, which sets up cross-stack references) before it
 * synthesizes any, so the work runs first thing in the stack's `prepareStack()`; `Testing.synth()`
 * and the stack's synthesizer start by invoking aspects, so an aspect on the stack runs it too.
 * What `work` creates is in the tree before anything is resolved or rendered.
 */
export function beforeSynthesis(stack: TerraformStack, work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  const prepare = stack.prepareStack.bind(stack);
  Object.defineProperty(stack, 'prepareStack', {
    configurable: true,
    writable: true,
    value: () => {
      once();
      prepare();
    },
  });
  const aspect: IAspect = {
    visit: (node: IConstruct) => {
      if (node === stack) once();
    },
  };
  Aspects.of(stack).add(aspect);
}

/**
 * Write `file` next to the stack's `cdk.tf.json` (`<outdir>/stacks/<stack>/<file>`) each time
 * the stack is synthesized, with the text `produce` returns then.
 */
export function writeBesideStack(stack: TerraformStack, file: string, produce: () => string): void {
  const inner = stack.synthesizer;
  stack.synthesizer = {
    synthesize(session: ISynthesisSession) {
      inner.synthesize(session);
      const manifest = session.manifest?.forStack(stack);
      const dir = manifest ? path.dirname(path.join(session.outdir, manifest.synthesizedStackPath)) : path.join(session.outdir, 'stacks', stack.node.id);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, file), produce());
    },
  };
}
