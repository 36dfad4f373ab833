/**
 * Jest configuration of a flavour's test run (`npx projen test:<flavour>`): the repository's
 * own test suite, with the tests' imports of the library (`../src`, `../../src/...`) resolved
 * to the flavour's sources in .flavours/<flavour>/src (written by `npx projen flavour:<flavour>`)
 * and their imports of the toolkit and its providers resolved through the flavour's import map.
 * Tests named in the flavour file's `tests.notRun` are left out, each for the reason given there.
 *
 * The flavour comes from FLAVOUR (default cdktn).
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const name = process.env.FLAVOUR || 'cdktn';
const flavour = JSON.parse(fs.readFileSync(path.join(root, 'flavours', name, 'flavour.json'), 'utf8'));
const base = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).jest;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const moduleNameMapper = {
  // every relative import of the repository's src/ (tests, test support and examples sit one or more folders below the root)
  '^(\\.\\./)+src(/.*)?$': `<rootDir>/.flavours/${name}/src$2`,
};
for (const { from, to } of flavour.importMap) {
  if (from.endsWith('/')) moduleNameMapper[`^${escape(from)}(.*)$`] = `${to}$1`;
  else {
    moduleNameMapper[`^${escape(from)}$`] = to;
    moduleNameMapper[`^${escape(from)}/(.*)$`] = `${to}/$1`;
  }
}

module.exports = {
  ...base,
  rootDir: root,
  collectCoverage: false,
  // the main run leaves out test/flavour-package (the flavour's packages, which this run builds first)
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns.filter((p) => !p.includes('/test/flavour-package/')),
    ...flavour.tests.notRun.map((t) => `<rootDir>/${escape(t.path)}`),
  ],
  modulePathIgnorePatterns: [`<rootDir>/.flavours/${name}-`],
  moduleNameMapper,
  reporters: ['default', ['jest-junit', { outputDirectory: 'test-reports', outputName: `junit-${name}.xml` }]],
};
