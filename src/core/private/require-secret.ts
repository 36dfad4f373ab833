import { IConstruct } from 'constructs';
import { fail, Redacted } from './validate';
import { Secret } from '../secret';

const ACCEPTED = 'a Secret (Secret.fromTerraformVariable, fromEnvironment, fromSecretsManager or fromSsmParameter), never a plain string';

/** A Secret, never a plain string. */
export function requireSecret(scope: IConstruct, prop: string, value: unknown): Secret {
  if (!Secret.isSecret(value)) fail(scope, prop, typeof value === 'string' ? new Redacted('a plain string (value not shown)') : value, ACCEPTED);
  return value;
}

export function optionalSecret(scope: IConstruct, prop: string, value: unknown): Secret | undefined {
  return value === undefined ? undefined : requireSecret(scope, prop, value);
}
