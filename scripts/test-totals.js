#!/usr/bin/env node
/**
 * Prints the totals of a jest run from its JUnit report, one line, and exits non-zero when a
 * test failed or none ran.
 *
 *   node scripts/test-totals.js <label> <junit.xml> [<flavour.json>]
 *
 * With a flavour file, a failure whose message matches one of its `tests.expectedFailures`
 * patterns is counted apart, under that entry's reason, and does not fail the run: it is the
 * behaviour the flavour documents (a construct of a provider without bindings in the flavour
 * fails with the error that says so; Terraform cannot find the flavour's provider version in the
 * local mirror). Every other failure fails the run.
 */
const fs = require('fs');
const { XMLParser } = require('fast-xml-parser');

const [label, report, flavourFile] = process.argv.slice(2);
if (!label || !report) {
  console.error('usage: node scripts/test-totals.js <label> <junit.xml> [<flavour.json>]');
  process.exit(2);
}
if (!fs.existsSync(report)) {
  console.error(`${label}: no test report at ${report} (did jest run?)`);
  process.exit(1);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name),
});
const doc = parser.parse(fs.readFileSync(report, 'utf8'));
const cases = (doc.testsuites?.testsuite ?? []).flatMap((s) => s.testcase ?? []);

const expected = flavourFile ? JSON.parse(fs.readFileSync(flavourFile, 'utf8')).tests?.expectedFailures ?? [] : [];
const patterns = expected.map((e) => ({ re: new RegExp(e.pattern), reason: e.reason, count: 0 }));

let passed = 0;
let skipped = 0;
const failed = [];
for (const c of cases) {
  const problems = [...(c.failure ?? []), ...(c.error ?? [])];
  if (c.skipped !== undefined) {
    skipped++;
    continue;
  }
  if (problems.length === 0) {
    passed++;
    continue;
  }
  const text = problems.map((p) => (typeof p === 'string' ? p : `${p.message ?? ''}\n${p['#text'] ?? ''}`)).join('\n');
  const match = patterns.find((p) => p.re.test(text));
  if (match) match.count++;
  else failed.push(String(c.classname ?? c.name ?? "").trim());
}

const total = cases.length;
const parts = [`${passed} passed`];
const expectedCount = patterns.reduce((n, p) => n + p.count, 0);
if (flavourFile) parts.push(`${expectedCount} failed as the flavour documents`);
parts.push(`${failed.length} failed`);
if (skipped) parts.push(`${skipped} skipped`);
console.log(`${label}: ${parts.join(', ')}`);
for (const p of patterns) if (p.count) console.log(`  ${p.count} × ${p.reason}`);
for (const f of failed.slice(0, 50)) console.log(`  failed: ${f}`);
if (total === 0) {
  console.error(`${label}: no test ran`);
  process.exit(1);
}
process.exit(failed.length ? 1 : 0);
