// Parses GitHub Actions workflow files with GitHub's own parser (@actions/workflow-parser, an
// ES module) and prints, as JSON, every error per file. Input: JSON [{ name, content }] on stdin.
import { register } from 'node:module';

// The package imports its JSON schemas without an import attribute, which Node rejects: load
// .json modules as JSON.
register('data:text/javascript,' + encodeURIComponent(`
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (url.endsWith('.json')) return { format: 'json', source: await readFile(new URL(url), 'utf8'), shortCircuit: true };
  return next(url, context);
}`));
const { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } = await import('@actions/workflow-parser');

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const files = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = [];
for (const file of files) {
  const parsed = parseWorkflow(file, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) errors.push(e.Message ?? e.message ?? String(e));
  }
  results.push({ name: file.name, errors: [...new Set(errors)] });
}
process.stdout.write(JSON.stringify(results));
