import { IConstruct } from 'constructs';
import { stackRegistry } from '../../core/private/stack-registry';
import type { GrafanaConnection } from '../grafana-connection';

/** The kinds of Grafana objects other resources name by uid. */
export type GrafanaUidKind = 'folder' | 'datasource';

function key(kind: GrafanaUidKind, conn: GrafanaConnection, uid: string): string {
  return `monitoring:grafana-uid:${kind}:${conn.node.path}:${uid}`;
}

/**
 * Records that the library creates the Grafana object `uid` of `kind` in the stack of `scope`
 * through `conn`; `reference` is the resource's `uid` attribute (a Terraform reference).
 */
export function registerGrafanaUid(scope: IConstruct, kind: GrafanaUidKind, conn: GrafanaConnection, uid: string, reference: string): void {
  stackRegistry(scope).set(key(kind, conn, uid), reference);
}

/**
 * The uid to write into a resource that names a folder or data source: a reference to the
 * resource when the library creates the object in this stack (so Terraform orders the two),
 * else the literal uid (an existing object managed elsewhere).
 */
export function grafanaUidRef(scope: IConstruct, kind: GrafanaUidKind, conn: GrafanaConnection, uid: string): string {
  return stackRegistry(scope).get(key(kind, conn, uid)) ?? uid;
}
