import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { stackSingleton } from './stack-registry';
import { fail } from './validate';

/**
 * Adopt an existing object as `resource`: a Terraform `import` block (Terraform 1.5+) with
 * `to` = the resource's address and `id` = `importId`, through cdktf's `importFrom`. The import
 * block names the resource's provider exactly when the resource names one: Terraform accepts
 * `provider` in an import block only when it matches the target resource's `provider` (an
 * import block into a resource of the default provider must not name one).
 *
 * One stack adopts an object once: a second adoption of the same resource type, provider and
 * import id fails on `prop` of `scope`, naming the construct that adopted it first (two
 * resources managing one object would overwrite each other).
 */
export function adoptExisting(scope: IConstruct, prop: string, resource: TerraformResource, importId: string): void {
  const adopted: Map<string, string> = stackSingleton(scope, 'adopted-objects', () => new Map<string, string>());
  const provider = resource.provider?.node.path ?? 'default';
  const key = `${resource.terraformResourceType}\u0000${provider}\u0000${importId}`;
  const first = adopted.get(key);
  if (first !== undefined) {
    fail(scope, prop, importId, `an object adopted once per stack (${resource.terraformResourceType} with import id ${JSON.stringify(importId)} is already adopted by ${first})`);
  }
  adopted.set(key, resource.node.path);
  resource.importFrom(importId, resource.provider);
}
