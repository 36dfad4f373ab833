/**
 * Canary test of the alert targets' secrets: the PagerDuty provider token, the Opsgenie API key
 * and the Teams webhook URL are set to recognisable values in the environment Terraform reads,
 * and nothing written to cdktf.out contains them (the alert-routing example, whose secrets
 * all come from the environment).
 */
import { alertRoutingExample } from '../../examples/alert-routing/main';
import { synthApp } from '../support/synth';

const CANARIES: Record<string, string> = {
  TF_VAR_alert_routing_pagerduty_token: 'CANARY-pd-token-7e57',
  TF_VAR_alert_routing_opsgenie_api_key: 'CANARY-opsgenie-1c3f',
  TF_VAR_alert_routing_teams_webhook_url: 'https://canary.logic.azure.com/workflows/CANARY-teams-sig-9a9a',
  TF_VAR_alert_routing_datadog_api_key: 'CANARY-dd-api-2b2b',
  TF_VAR_alert_routing_datadog_app_key: 'CANARY-dd-app-3c3c',
  TF_VAR_alert_routing_grafana_token: 'CANARY-grafana-4d4d',
};

describe('alert-routing secrets never reach cdktf.out', () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [k, v] of Object.entries(CANARIES)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  afterAll(() => {
    for (const k of Object.keys(CANARIES)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  test('no canary in any file; the secrets are there as sensitive variables', () => {
    const out = synthApp((app) => alertRoutingExample(app));
    const hits: string[] = [];
    for (const [file, text] of Object.entries(out.files)) {
      for (const v of Object.values(CANARIES)) if ((text as string).includes(v)) hits.push(`${file}: ${v}`);
    }
    expect(Object.keys(out.files).length).toBeGreaterThan(0);
    expect(hits).toEqual([]);
    const json = out.stacks['alert-routing'];
    expect(json.variable.alert_routing_pagerduty_token.sensitive).toBe(true);
    expect(json.provider.pagerduty[0].token).toBe('${var.alert_routing_pagerduty_token}');
    expect(json.variable.alert_routing_opsgenie_api_key.sensitive).toBe(true);
    expect(json.variable.alert_routing_teams_webhook_url.sensitive).toBe(true);
    expect(JSON.stringify(json.resource.aws_cloudwatch_event_api_destination)).toContain('${var.alert_routing_teams_webhook_url}');
  });
});
