import { Construct, IConstruct } from 'constructs';
import { stackSingleton } from './stack-registry';
import { libraryScope } from './template-escape';

/** The construct under which a notification target's resources for one backend live (one per stack). */
export function targetScope(scope: IConstruct, targetId: string, backendId: string): Construct {
  const root: Construct = stackSingleton(scope, 'monitoring:targets-root', (stack) => libraryScope(new Construct(stack, 'NotificationTargets')));
  const target = (root.node.tryFindChild(targetId) as Construct | undefined) ?? new Construct(root, targetId);
  return (target.node.tryFindChild(backendId) as Construct | undefined) ?? new Construct(target, backendId);
}

/** A per-stack construct for shared monitoring resources of one kind (folders, keys…). */
export function sharedScope(scope: IConstruct, id: string): Construct {
  return stackSingleton(scope, `monitoring:shared:${id}`, (stack) => libraryScope(new Construct(stack, id)));
}
