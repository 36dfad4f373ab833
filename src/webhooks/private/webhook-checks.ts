import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { parseTemplate, Rendered, renderChecked, SourceKind, TemplateProblem } from './webhook-template';
import { fail, isToken, requireInteger } from '../../core/private/validate';

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

/** Rate limit and retry settings of an EventBridge delivery. */
export interface RetrySettings {
  readonly rateLimit: number;
  readonly maximumEventAgeSeconds: number;
  readonly maximumRetryAttempts: number;
}

/**
 * Validate the rate limit and retry policy. Ranges: EventBridge RetryPolicy
 * (MaximumEventAgeInSeconds 60-86400, MaximumRetryAttempts 0-185, EventBridge API reference);
 * API destination InvocationRateLimitPerSecond minimum 1, default quota 300 per destination.
 */
export function retrySettings(scope: IConstruct, prefix: string, e: {
  readonly invocationRateLimitPerSecond?: number; readonly maximumEventAgeSeconds?: number; readonly maximumRetryAttempts?: number;
}): RetrySettings {
  const rate = e.invocationRateLimitPerSecond ?? 10;
  if (typeof rate !== 'number' || (!isToken(rate) && (!Number.isInteger(rate) || rate < 1))) {
    fail(scope, `${prefix}.invocationRateLimitPerSecond`, rate, 'a whole number of invocations per second, at least 1 (EventBridge API destinations; default quota 300)');
  }
  if (!isToken(rate) && rate > 300) {
    Annotations.of(scope).addWarning(`${scope.node.path}: ${prefix}.invocationRateLimitPerSecond ${rate} is above EventBridge's default quota of 300 invocations per second per API destination; it needs a quota increase.`);
  }
  return {
    rateLimit: rate,
    maximumEventAgeSeconds: requireInteger(scope, `${prefix}.maximumEventAgeSeconds`, e.maximumEventAgeSeconds ?? 86_400, 60, 86_400),
    maximumRetryAttempts: requireInteger(scope, `${prefix}.maximumRetryAttempts`, e.maximumRetryAttempts ?? 185, 0, 185),
  };
}
