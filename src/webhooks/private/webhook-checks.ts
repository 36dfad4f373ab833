import { IConstruct } from 'constructs';
import { parseTemplate, Rendered, renderChecked, SourceKind, TemplateProblem } from './webhook-template';
import { fail, isToken, optionalArray, requireInteger } from '../../core/private/validate';

export type Segments = ReturnType<typeof parseTemplate>;

/** Parse a payload template, turning problems into ValidationErrors. */
export function parsePayload(scope: IConstruct, prop: string, template: unknown): Segments {
  if (typeof template !== 'string' || template.trim() === '') fail(scope, prop, template, 'a JSON template string');
  if (isToken(template)) fail(scope, prop, template, 'a JSON template known at synth time (not a token)');
  try {
    return parseTemplate(template);
  } catch (e) {
    if (e instanceof TemplateProblem) fail(scope, prop, template, e.accepted);
    throw e;
  }
}

/** Render for a source and check the result with a sample alert of that source. */
export function checkedPayload(
  scope: IConstruct, prop: string, segments: Segments, source: SourceKind, literals: Readonly<Record<string, string>> = {},
): Rendered {
  try {
    return renderChecked(segments, source, literals);
  } catch (e) {
    if (e instanceof TemplateProblem) fail(scope, prop, `the template rendered for ${source}`, e.accepted);
    throw e;
  }
}

/** An alarm name prefix: 1-255 characters, no control characters (CloudWatch alarm names). */
export const ALARM_NAME_PREFIX = /^[^\u0000-\u001f\u007f]{1,255}$/;

/**
 * Actions of a CloudWatch alarm: at most 5 ARNs (PutMetricAlarm AlarmActions, "Maximum number
 * of 5 items"), each a non-empty ARN; an empty string would be sent as an action and fail.
 */
export function alarmActionList(scope: IConstruct, prop: string, value: string[] | undefined): string[] {
  const actions = optionalArray(scope, prop, value, 'a list of alarm action ARNs');
  actions.forEach((a, i) => {
    if (typeof a !== 'string' || (!isToken(a) && !/^arn:[^\s]+$/.test(a))) fail(scope, `${prop}[${i}]`, a, 'an alarm action ARN (arn:…)');
  });
  if (actions.length > 5) fail(scope, prop, actions, 'at most 5 alarm actions (a CloudWatch limit)');
  return actions;
}

/** Rate limit and retry settings of an EventBridge delivery. */
export interface RetrySettings {
  readonly rateLimit: number;
  readonly maximumEventAgeSeconds: number;
  readonly maximumRetryAttempts: number;
}

/**
 * Validate the rate limit and retry policy. Ranges: EventBridge RetryPolicy
 * (MaximumEventAgeInSeconds 60-86400, MaximumRetryAttempts 0-185, EventBridge API reference);
 * API destination InvocationRateLimitPerSecond 1-300 (EventBridge CreateApiDestination API
 * reference; the aws provider validates invocation_rate_limit_per_second with IntBetween(1, 300),
 * so a higher value fails at plan).
 */
export function retrySettings(scope: IConstruct, prefix: string, e: {
  readonly invocationRateLimitPerSecond?: number; readonly maximumEventAgeSeconds?: number; readonly maximumRetryAttempts?: number;
}): RetrySettings {
  const rate = e.invocationRateLimitPerSecond ?? 10;
  if (typeof rate !== 'number' || (!isToken(rate) && (!Number.isInteger(rate) || rate < 1 || rate > 300))) {
    fail(scope, `${prefix}.invocationRateLimitPerSecond`, rate, 'a whole number of invocations per second from 1 to 300 (EventBridge API destinations)');
  }
  return {
    rateLimit: rate,
    maximumEventAgeSeconds: requireInteger(scope, `${prefix}.maximumEventAgeSeconds`, e.maximumEventAgeSeconds ?? 86_400, 60, 86_400),
    maximumRetryAttempts: requireInteger(scope, `${prefix}.maximumRetryAttempts`, e.maximumRetryAttempts ?? 185, 0, 185),
  };
}
