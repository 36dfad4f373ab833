import { cdktf, javascript } from 'projen';

// The cdktf construct-library project type is no longer offered by `projen new` (cdktf was
// archived), but it is still shipped in projen and is what sets up a jsii library with the
// cdktf peer dependency. Everything cdktf-specific in the build lives in this file.
const CDKTF_VERSION = '0.21.0';
// The CDK Terrain flavour's packages (flavours/cdktn/flavour.json names the same pins).
const CDKTN_DEV_DEPS = ['cdktn@0.24.0', '@cdktn/provider-aws@25.7.0', '@cdktn/provider-datadog@16.1.0', '@cdktn/provider-generator@0.24.0', '@cdktn/commons@0.24.0'];

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-integrations',
  description:
    'Declare integrations with Datadog, Grafana, AWS CloudWatch, GitHub, Jira, Slack, PagerDuty and webhooks once, in code, and synthesize correct Terraform for all of them.',
  author: 'cdktf-integrations maintainers',
  authorAddress: 'maintainers@cdktf-integrations.dev',
  repositoryUrl: 'https://github.com/cdktf-integrations/cdktf-integrations.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  cdktfVersion: CDKTF_VERSION,
  constructsVersion: '^10.4.2',
  keywords: ['cdktf', 'terraform', 'datadog', 'grafana', 'cloudwatch', 'github', 'jira', 'observability'],
  license: 'Apache-2.0',
  minNodeVersion: '20.0.0',

  // Our CI is `.ci/run`; the release machinery of projen is not used.
  github: false,
  release: false,
  prettier: false,
  eslint: true,
  eslintOptions: {
    dirs: ['src'],
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
    devdirs: ['test', 'examples', 'bench', 'projenrc'],
    ignorePatterns: ['src/bindings/**', '.flavours/**', '*.js', '*.d.ts', 'node_modules/', 'lib/', 'coverage', 'cdktf.out'],
  },

  // The dev versions are the explicit devDeps below (constructs is newer than the peer minimum).
  peerDependencyOptions: { pinnedDevDependency: false },
  peerDeps: [
    `cdktf@${CDKTF_VERSION}`,
    'constructs@^10.4.2',
    '@cdktf/provider-datadog@12.15.2',
    '@cdktf/provider-aws@>=20.1.0 <22.0.0',
    // GitHub resources (src/github); optional, like New Relic.
    '@cdktf/provider-github@15.3.1',
    // New Relic backend (src/newrelic); optional: see peerDependenciesMeta below.
    '@cdktf/provider-newrelic@13.12.2',
    // PagerDuty resources (src/pagerduty); optional, like New Relic.
    '@cdktf/provider-pagerduty@14.3.9',
    // GitLab resources (src/gitlab); optional, like New Relic.
    '@cdktf/provider-gitlab@15.6.2',
  ],
  // Non-jsii runtime dependencies are bundled into the npm package (jsii requires it).
  bundledDeps: ['yaml@^2.8.1', '@grafana/grafana-foundation-sdk@11.6.0-cogv0.0.x.1769699379', 'ajv@^8.20.0', 'csv-parse@^7.0.3',
    // PromQL is checked at synth by Prometheus's own parser (with the lezer runtime it needs).
    '@prometheus-io/lezer-promql@0.315.0', '@lezer/lr@^1.4.2', '@lezer/highlight@^1.2.1'],
  devDeps: [
    `cdktf@${CDKTF_VERSION}`,
    // 10.7 satisfies both cdktf 0.21 (^10.4.2) and CDK Terrain 0.24 (>=10.6.0 <10.8.0).
    'constructs@10.7.2',
    '@cdktf/provider-datadog@12.15.2',
    '@cdktf/provider-aws@20.1.0',
    '@cdktf/provider-github@15.3.1',
    '@cdktf/provider-newrelic@13.12.2',
    '@cdktf/provider-pagerduty@14.3.9',
    '@cdktf/provider-gitlab@15.6.2',
    `cdktf-cli@${CDKTF_VERSION}`,
    `@cdktf/provider-generator@${CDKTF_VERSION}`,
    'ts-node@^10',
    `@cdktf/commons@${CDKTF_VERSION}`,
    // Contract tests: Datadog's official API client models, GitHub's own workflow parser,
    // property-based tests.
    '@datadog/datadog-api-client@1.64.0',
    '@actions/workflow-parser@0.3.61',
    // GitLab's own .gitlab-ci.yml schema and job rules, for the GitLab pipeline's tests (the last
    // release that runs on Node 20).
    'gitlab-ci-local@4.64.1',
    'fast-check@4.11.0',
    // The totals of the JUnit test reports (scripts/test-totals.js).
    'fast-xml-parser@5.12.1',
    // The CDK Terrain flavour (flavours/cdktn): its toolkit, prebuilt providers and generator.
    ...CDKTN_DEV_DEPS,
  ],

  publishToPypi: {
    distName: 'cdktf-integrations',
    module: 'cdktf_integrations',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdktfintegrations',
    mavenGroupId: 'io.github.cdktf-integrations',
    mavenArtifactId: 'cdktf-integrations',
  },
  publishToNuget: {
    dotNetNamespace: 'CdktfIntegrations',
    packageId: 'CdktfIntegrations',
  },
  publishToGo: {
    moduleName: 'github.com/cdktf-integrations/cdktf-integrations-go',
  },

  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // test/flavour-package checks the cdktn flavour's packages: only its run (test:cdktn) builds them
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/flavour-package/'],
      testTimeout: 300_000,
      coveragePathIgnorePatterns: ['/node_modules/', '/src/bindings/'],
    },
  },
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    include: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', 'projenrc/**/*.ts', '.projenrc.ts'],
    compilerOptions: {},
  },
  gitignore: ['cdktf.out/', '.terraform/', '*.tfstate*', '.gen/', 'bench/results/', '.tfvalidate/', '/.venv/', '__pycache__/', '/.flavours/'],
});

// Only users of the New Relic backend (src/newrelic) need its provider bindings: npm does
// not install an optional peer dependency, nor warns when it is missing.
project.package.addField('peerDependenciesMeta', {
  '@cdktf/provider-github': { optional: true },
  '@cdktf/provider-newrelic': { optional: true },
  '@cdktf/provider-pagerduty': { optional: true },
  '@cdktf/provider-gitlab': { optional: true },
});

// No import cycles between modules (type-only imports, which vanish at run time, are allowed):
// a vendor folder may use the neutral folders, never the other way round through a cycle.
project.eslint?.addRules({ 'import/no-cycle': ['error', { ignoreExternal: true }] });
// Values computed at synthesis go through the library's escaping (src/core/private/template-escape.ts).
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  excludedFiles: ['src/core/private/template-escape.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'cdktf', importNames: ['Lazy'], message: 'use EscapingLazy from src/core/private/template-escape.ts: it escapes produced text for Terraform templates' }],
    }],
  },
});

for (const p of ['/cdktf.out/', '/.flavours/', '/flavours/', '/examples/', '/bench/', '/schema/', '/.ci/', '/cdktf.json', '/.tfvalidate/', '/projenrc/', '/.venv/', '/scripts/']) {
  project.addPackageIgnore(p);
}

// Packaging for Java/.NET/Go needs their toolchains, which the build machines do not all
// have: `package` builds the npm tarball only; `package-all` still builds every target.
project.tasks.tryFind('package')?.reset('npx projen package:js');

// Python is built and tested in every build: after compiling, `package:python` builds the wheel
// into dist/python and `python:venv` installs it, with the pinned cdktf, constructs and provider
// packages of test/python/requirements.txt, into .venv/python, where the jest tests of
// test/python run the Python examples (examples/python) and Python implementations of the
// library's interfaces. A missing Python, wheel or venv fails the build.
const pythonVenv = project.addTask('python:venv', {
  description: 'Install the wheel of dist/python and the pinned Python dependencies into .venv/python',
  exec: 'bash scripts/python-venv.sh',
});
project.postCompileTask.spawn(project.tasks.tryFind('package:python')!);
project.postCompileTask.spawn(pythonVenv);
project.addTask('test:python', {
  description: 'Run the Python tests (test/python) against .venv/python',
  exec: 'jest --ci --coverage=false test/python',
});

// The JSON Schemas of the catalog files (src/catalog/private/schema-*.ts, the one source) are
// published in the package as schemas/<name>.schema.json, generated after compiling (before
// the packages are built) and not committed.
const schemas = project.addTask('schemas', {
  description: 'Write every schema of lib/catalog/private/schema-*.js to schemas/<name>.schema.json',
  exec: 'ts-node --project tsconfig.dev.json projenrc/write-schemas.ts',
});
project.postCompileTask.prependSpawn(schemas);
project.gitignore.exclude('/schemas/');
project.npmignore?.include('/schemas/');

// Regenerate the Grafana (and http) provider bindings from the checked-in schema dumps.
project.addTask('bindings', {
  description: 'Generate typed L1 bindings from schema/*.json (terraform providers schema -json format)',
  exec: 'ts-node --project tsconfig.dev.json projenrc/generate-bindings.ts',
});

// Synthesize every example from the repository root (what `npx cdktf synth` runs too).
project.addTask('synth:examples', {
  description: 'Synthesize every example into cdktf.out',
  exec: 'cdktf synth',
});

// The Python tools of the AWS test layers (moto's server for test/apply, checkov for
// test/checkov), installed once into .venv/aws-tools before jest runs, so that the install
// does not count against jest's per-test timeout. The tests call the same script (a no-op then).
const awsTools = project.addTask('aws-tools', {
  description: 'Create the virtual environments of the AWS emulator and checkov under .venv/aws-tools (once)',
  exec: 'bash scripts/aws-tools.sh',
});
project.testTask.prependSpawn(awsTools);

// The CDK Terrain flavour's sources (flavours/cdktn/flavour.json): src/ through the flavour's
// import map into .flavours/cdktn/src, with the Grafana bindings from cdktn's own generator.
project.addTask('flavour:cdktn', {
  description: 'Write the CDK Terrain flavour of src/ into .flavours/cdktn/src (fails on an import the flavour cannot build)',
  exec: 'ts-node --project tsconfig.dev.json projenrc/flavour.ts cdktn',
});

// The same test suite against the CDK Terrain flavour, in every test run (the README's test
// command): projenrc/flavour-jest.config.js resolves the tests' imports of src/ to the flavour's
// sources and of the toolkit to cdktn. scripts/test-totals.js prints the totals and fails the
// run on a failure, except those flavours/cdktn/flavour.json documents (tests.expectedFailures).
// Its npm tarball and Python wheel (cdktn-integrations, cdktn_integrations), by jsii from the
// flavour's sources, into dist/cdktn.
project.addTask('package:cdktn', {
  description: 'Compile the CDK Terrain flavour with jsii and build its npm and Python packages into dist/cdktn',
  exec: 'ts-node --project tsconfig.dev.json projenrc/flavour-package.ts cdktn',
});
// The flavour's wheel with the PyPI packages of its toolkit and providers, for test/python in
// the flavour's run (flavours/cdktn/python-requirements.txt pins the versions of its npm peers).
project.addTask('python:venv:cdktn', {
  description: 'Install the wheel of dist/cdktn/python and the pinned cdktn Python packages into .venv/python-cdktn',
  exec: 'bash scripts/python-venv.sh',
  env: {
    VENV: '.venv/python-cdktn',
    REQUIREMENTS: 'flavours/cdktn/python-requirements.txt',
    WHEEL_DIR: 'dist/cdktn/python',
    WHEEL_PREFIX: 'cdktn_integrations',
  },
});
const flavourTest = project.addTask('test:cdktn', {
  description: 'Build the CDK Terrain flavour (.flavours/cdktn, dist/cdktn), run the test suite against it and print its totals',
  steps: [
    { spawn: 'flavour:cdktn' },
    { spawn: 'package:cdktn' },
    { spawn: 'python:venv:cdktn' },
    { exec: 'rm -f test-reports/junit-cdktn.xml' },
    { exec: 'jest --ci --config projenrc/flavour-jest.config.js || true' },
    { exec: 'node scripts/test-totals.js "jest (cdktn flavour)" test-reports/junit-cdktn.xml flavours/cdktn/flavour.json' },
  ],
});
project.testTask.spawn(flavourTest);

project.addTask('bench', {
  description: 'Run the benchmarks in bench/ (load time, synth time against hand-written L1 code)',
  exec: 'ts-node --project tsconfig.dev.json bench/run.ts',
});

project.synth();
