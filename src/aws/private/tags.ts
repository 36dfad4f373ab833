import { IConstruct } from 'constructs';
import { fail } from '../../core/private/validate';
import { Severities, Severity } from '../../core/severity';

// AWS tag rules (IAM/Tagging "Tag naming limits"): keys 1-128 and values 0-256 characters of
// letters, digits, spaces and _ . : / = + - @; keys must not start with aws:.
const AWS_TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const AWS_TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

/** AWS tags with the severity tag (`severity: SEV2` …), validated against AWS's tag rules. */
export function awsTags(scope: IConstruct, severity: Severity, tags: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) {
    if (!AWS_TAG_KEY.test(k)) fail(scope, `tags.${k}`, k, 'an AWS tag key: 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:');
    if (!AWS_TAG_VALUE.test(v)) fail(scope, `tags.${k}`, v, 'an AWS tag value: 0-256 letters, digits, spaces or _ . : / = + - @');
    out[k] = v;
  }
  out.severity = Severities.label(severity);
  return out;
}
