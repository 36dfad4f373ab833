import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { IRenderedAlerts } from './backend';
import { checkTarget } from '../notifications/private/check';
import type { INotificationTarget } from '../notifications/targets';

/**
 * What SLOs, composite monitors and anomaly monitors share: the renderings of their backends
 * and the targets they notify (each rendering notifies a target of the alerts whose severity it
 * takes).
 */
export abstract class AlertingConstruct extends Construct {
  private readonly renderings: IRenderedAlerts[] = [];
  private readonly _targets: INotificationTarget[] = [];

  /** Notify `target` too (of every alert whose severity it takes). */
  public addTarget(target: INotificationTarget): void {
    checkTarget(this, this._targets, target);
    this._targets.push(target);
    for (const r of this.renderings) r.addTarget(target);
  }

  /** Every target, in the order added. */
  public get targets(): INotificationTarget[] {
    return [...this._targets];
  }

  /** What each backend rendered, in the order of `backends`. */
  public get alertRenderings(): IRenderedAlerts[] {
    return [...this.renderings];
  }

  /** The first notifying resource a backend rendered (e.g. `datadog_monitor`, `aws_cloudwatch_composite_alarm`), by backend id. */
  public resourceFor(backendId: string): TerraformResource {
    return this.renderingFor(backendId).resources[0];
  }

  /** Records what a backend rendered. */
  protected addRendering(rendering: IRenderedAlerts): void {
    this.renderings.push(rendering);
  }

  /** What the backend with the given id rendered. */
  protected renderingFor(backendId: string): IRenderedAlerts {
    const r = this.renderings.find((x) => x.backend.id === backendId);
    if (!r) throw new Error(`${this.node.path}: no backend with id ${backendId} (${this.renderings.map((x) => x.backend.id).join(', ')})`);
    return r;
  }
}
