import { NewrelicProvider } from '@cdktf/provider-newrelic/lib/provider';
import { connectNewRelic, errorOf, resourceSchema, schemaProblems } from './support';
import { Errors, NewRelicConnection, NewRelicRegion, Secret } from '../../src/index';
import { newStack, synthStack } from '../support/synth';

describe('NewRelicConnection', () => {
  test('configures the newrelic provider with the account, region and the key as a reference; no check by default', () => {
    const stack = newStack();
    const { newRelic } = connectNewRelic(stack, { region: NewRelicRegion.EU });
    const json = synthStack(stack);
    expect(json.provider.newrelic).toEqual([{ account_id: 1234567, api_key: '${var.newrelic_api_key}', region: 'EU' }]);
    expect(json.terraform.required_providers.newrelic.source).toBe('newrelic/newrelic');
    expect(json.check).toBeUndefined();
    expect(newRelic.provider).toBeInstanceOf(NewrelicProvider);
    expect(newRelic.terraformProvider).toBe(newRelic.provider);
    expect(NewRelicConnection.of(stack)).toBe(newRelic);
    expect(newRelic.nerdGraphUrl).toBe('https://api.eu.newrelic.com/graphql');
  });

  test('testConnection probes the region\'s NerdGraph endpoint without the API key', () => {
    const stack = newStack();
    connectNewRelic(stack, { testConnection: true });
    const json = synthStack(stack);
    const text = JSON.stringify(json.check);
    expect(text).toContain('https://api.newrelic.com/graphql');
    expect(text).toContain('status_code < 500');
    expect(text).not.toContain('newrelic_api_key');
  });

  test('a second connection takes its id as alias; of(scope, alias) finds it', () => {
    const stack = newStack();
    const { key } = connectNewRelic(stack);
    const eu = new NewRelicConnection(stack, 'Europe', { accountId: 7654321, region: NewRelicRegion.EU, apiKey: key });
    expect(eu.alias).toBe('Europe');
    expect(NewRelicConnection.of(stack, 'Europe')).toBe(eu);
    expect(synthStack(stack).provider.newrelic).toHaveLength(2);
  });

  test.each([
    ['zero', 0], ['negative', -5], ['a fraction', 12.5], ['a string', '1234567'],
  ])('a bad account id (%s) is a ValidationError', (_n, accountId) => {
    const stack = newStack();
    const key = Secret.fromTerraformVariable(stack, 'K', { variableName: 'k' });
    const e = errorOf(() => new NewRelicConnection(stack, 'NewRelic', { accountId: accountId as any, apiKey: key }));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.constructPath).toBe('test/NewRelic');
    expect(e.prop).toBe('accountId');
    expect(e.accepted).toBe('a New Relic account id: a positive whole number such as 1234567');
  });

  test('a bad region, and an API key that is a plain string, are ValidationErrors (the key is not echoed)', () => {
    const stack = newStack();
    const key = Secret.fromTerraformVariable(stack, 'K', { variableName: 'k' });
    const e = errorOf(() => new NewRelicConnection(stack, 'A', { accountId: 1, apiKey: key, region: 'JP' as NewRelicRegion }));
    expect(e.message).toBe("test/A: 'region' must be NewRelicRegion.US or NewRelicRegion.EU; received \"JP\"");
    const e2 = errorOf(() => new NewRelicConnection(stack, 'B', { accountId: 1, apiKey: 'NRAK-SECRET' as any }));
    expect(e2.prop).toBe('apiKey');
    expect(e2.message).not.toContain('NRAK-SECRET');
  });

  test('the schema check rejects an argument the provider does not have, and a missing required one', () => {
    const schema = resourceSchema('newrelic_nrql_alert_condition');
    expect(schemaProblems(schema, { name: 'x', policy_id: 1, nrql: { query: 'q', bogus: 1 }, threshold_window: 60 }, 'c')).toEqual([
      'c.nrql.bogus: not an argument of the provider (known: data_account_id, evaluation_offset, query, since_value)',
      expect.stringMatching(/^c\.threshold_window: not an argument of the provider/),
    ]);
    expect(schemaProblems(schema, { policy_id: 1, nrql: { query: 'q' } }, 'c')).toEqual(['c.name: required by the provider, missing']);
    expect(Object.keys(resourceSchema('newrelic_one_dashboard').args.page!.args)).toContain('widget_line');
  });
});
