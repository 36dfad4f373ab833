import { IConstruct } from 'constructs';
import { fail, isToken } from '../../core/private/validate';

/**
 * A New Relic account id: a positive whole number (the provider's `account_id` is an integer,
 * schema.TypeInt). Tokens (e.g. a Terraform variable) are left to Terraform.
 */
export function requireAccountId(scope: IConstruct, prop: string, value: unknown): number {
  const accepted = 'a New Relic account id: a positive whole number such as 1234567';
  if (typeof value !== 'number') fail(scope, prop, value, accepted);
  if (isToken(value)) return value;
  if (!Number.isSafeInteger(value) || value < 1) fail(scope, prop, value, accepted);
  return value;
}

// "Alerting rules and limits" (docs.newrelic.com/docs/alerts/admin/rules-limits-alerts): alert
// policy and condition names are 1-128 characters; at most 1000 conditions per policy; custom
// incident descriptions are at most 4K characters; a workflow's filter is at most 4,096 characters.
export const NAME_MAX = 128;
export const CONDITIONS_PER_POLICY = 1000;
export const DESCRIPTION_MAX = 4000;
export const WORKFLOW_FILTER_MAX = 4096;

// terraform-provider-newrelic docs/resources nrql_alert_condition (v3.76): `aggregation_window`
// "at least 30 seconds, and no more than 21600 seconds (6 hours)"; `threshold_duration` "must be a
// multiple of the aggregation_window", "within 60-86400 seconds" for static and "120-86400" for
// baseline conditions; baseline `threshold` "in the range [1, 1000]" standard deviations;
// `aggregation_delay` at most 1200 seconds with `event_flow`; `expiration_duration` 30-172800
// seconds (also its Go validation: validation.IntBetween(30, 172800)).
export const AGGREGATION_WINDOW_MIN = 30;
export const AGGREGATION_WINDOW_MAX = 21_600;
export const STATIC_DURATION_MIN = 60;
export const BASELINE_DURATION_MIN = 120;
export const DURATION_MAX = 86_400;
export const BASELINE_THRESHOLD_MIN = 1;
export const BASELINE_THRESHOLD_MAX = 1000;
export const EVENT_FLOW_DELAY_MAX = 1200;
export const EXPIRATION_MIN = 30;
export const EXPIRATION_MAX = 172_800;
