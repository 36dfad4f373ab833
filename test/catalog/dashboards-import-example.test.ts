/**
 * The dashboards-import example synthesizes, renders every importer, and its AWS part (the
 * Secrets Manager secrets behind the Grafana token and the Datadog keys) passes terraform validate.
 */
import { dashboardsImportExample } from '../../examples/dashboards-import/main';
import { synthApp } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

test('the example synthesizes every importer, no secret in clear, and its AWS part is valid', () => {
  const result = synthApp((app) => dashboardsImportExample(app));
  expect(Object.keys(result.stacks)).toEqual(['dashboards-import']);
  const stack = result.stacks['dashboards-import'];
  expect(Object.keys(stack.resource.grafana_dashboard)).toHaveLength(2);
  expect(Object.keys(stack.resource.datadog_dashboard_json)).toHaveLength(1);
  expect(Object.keys(stack.resource.datadog_monitor)).toHaveLength(2);
  expect(stack.provider.grafana[0].auth).toMatch(/^\$\{data\.aws_secretsmanager_secret_version\./);
  const part = awsPart(stack)!;
  expect(part.awsBlocks).toBeGreaterThan(0);
  const verdict = validator.validate(part.json);
  expect(verdict.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
  expect(verdict.valid).toBe(true);
});
