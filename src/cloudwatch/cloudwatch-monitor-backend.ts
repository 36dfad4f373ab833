import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Annotations, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CloudWatchRenderedMonitor } from './cloudwatch-rendered-monitor';
import type { CloudWatchTargetBinding } from './cloudwatch-targets';
import { renderCloudWatchAnomaly } from './private/anomaly';
import { CloudWatchCatalogEntry, prepareCloudWatchCatalogMonitor, renderCloudWatchCatalog } from './private/catalog';
import { renderCloudWatchComposite } from './private/composite';
import { cloudWatchBinding } from './private/notify';
import { renderCloudWatchSlo } from './private/slo';
import { AwsConnection } from '../aws/aws-connection';
import { sharedScope, targetScope } from '../core/private/scopes';
import { stackSingleton } from '../core/private/stack-registry';
import { fail, requirePattern } from '../core/private/validate';
import { Severity } from '../core/severity';
import type { AnomalyMonitor } from '../monitors/anomaly-monitor';
import { CatalogMonitorSpec, IAnomalyMonitorBackend, ICatalogBackend, ICompositeMonitorBackend, IRenderedAlerts, IRenderedCatalog, IRenderedMonitor, ISignalAwareMonitorBackend, ISloBackend } from '../monitors/backend';
import type { CompositeMonitor } from '../monitors/composite-monitor';
import type { MonitorConfig } from '../monitors/monitor-config';
import type { Slo } from '../monitors/slo';
import type { INotificationTarget } from '../notifications/targets';
import { matchSignal } from '../signals/private/match';
import type { Signal } from '../signals/signal';

/** How the SNS topics of CloudWatch notification targets are encrypted. */
export class TopicEncryption {
  /**
   * A customer managed KMS key the library creates once per stack, whose key policy lets
   * CloudWatch alarms use it (`kms:Decrypt`, `kms:GenerateDataKey*` for `cloudwatch.amazonaws.com`).
   */
  public static managedByLibrary(): TopicEncryption {
    return new TopicEncryption('library');
  }

  /**
   * A key you manage (id, ARN or `alias/…`). Its key policy must let `cloudwatch.amazonaws.com`
   * call `kms:Decrypt` and `kms:GenerateDataKey*`, or alarms cannot publish.
   */
  public static kmsKey(keyId: string): TopicEncryption {
    return new TopicEncryption('key', keyId);
  }

  /**
   * The AWS managed key `alias/aws/sns`. CloudWatch alarms cannot publish to topics encrypted
   * with it (its key policy does not admit CloudWatch and cannot be changed: AWS re:Post
   * knowledge center, "cloudwatch-configure-alarm-sns"), so this adds a synth warning; use it
   * only for topics that other publishers feed.
   */
  public static awsManagedKey(): TopicEncryption {
    return new TopicEncryption('aws-managed', 'alias/aws/sns');
  }

  /** `library`, `key` or `aws-managed`. */
  public readonly mode: string;
  /**
   * The key id.
   * @default - the library's key
   */
  public readonly keyId?: string;

  private constructor(mode: string, keyId?: string) {
    this.mode = mode;
    this.keyId = keyId;
  }
}

/** Options of the CloudWatch backend. */
export interface CloudWatchBackendOptions {
  /**
   * Construct id of the rendering under each monitor.
   * @default "CloudWatch"
   */
  readonly id?: string;
  /**
   * The AWS connection (its provider creates the alarms and topics).
   * @default AwsConnection.of(monitor)
   */
  readonly connection?: AwsConnection;
  /**
   * Encryption of the SNS topics that carry notifications.
   * @default TopicEncryption.managedByLibrary()
   */
  readonly topicEncryption?: TopicEncryption;
  /**
   * Adopt the existing alarms of the monitors rendered by this backend instead of creating
   * them: a Terraform `import` block (Terraform 1.5+) for each `aws_cloudwatch_metric_alarm` of a
   * `MonitorConfig` (the critical alarm, named after the monitor's `title`, and the warning
   * alarm, `<title> (warning)`), whose import id is the alarm name (hashicorp/terraform-provider-aws
   * website/docs/r/cloudwatch_metric_alarm.html.markdown, "Import"). Terraform then updates the
   * alarms in place. Use a second backend instance for monitors whose alarms do not exist yet.
   * SLO, composite and anomaly alarms are not adopted.
   * @default false
   */
  readonly adopt?: boolean;
}

/** Renders monitors as `aws_cloudwatch_metric_alarm` resources; targets as encrypted SNS topics. */
export class CloudWatchBackend implements ISignalAwareMonitorBackend, ISloBackend, ICompositeMonitorBackend, IAnomalyMonitorBackend, ICatalogBackend {
  /** `cloudwatch`. */
  public readonly kind: string = 'cloudwatch';
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: CloudWatchBackendOptions;

  constructor(options: CloudWatchBackendOptions = {}) {
    this.options = { ...options };
    this.id = options.id ?? 'CloudWatch';
  }

  /** CloudWatch metrics and metric-math expressions. */
  public canEvaluate(signal: Signal): boolean {
    return matchSignal<boolean>(signal, {
      cloudWatchMetric: () => true,
      cloudWatchExpression: () => true,
      datadogQuery: () => false,
      promQl: () => false,
      nrql: () => false,
    });
  }

  /** Render a monitor. */
  public render(monitor: MonitorConfig): IRenderedMonitor {
    requirePattern(monitor, 'backends', this.id, /^[A-Za-z][A-Za-z0-9_-]*$/, 'backend ids of letters, digits, _ and -');
    return new CloudWatchRenderedMonitor(monitor, this);
  }

  /**
   * Check a catalog monitor for CloudWatch and compute its alarms' arguments; `undefined` (an
   * alarm of its own) for a metric-math signal or when adopting existing alarms.
   */
  public prepareCatalogMonitor(catalog: Construct, monitor: CatalogMonitorSpec): any {
    requirePattern(catalog, 'backends', this.id, /^[A-Za-z][A-Za-z0-9_-]*$/, 'backend ids of letters, digits, _ and -');
    return prepareCloudWatchCatalogMonitor(catalog, monitor, this);
  }

  /** Render a catalog: `aws_cloudwatch_metric_alarm`s with `for_each` over its monitors (critical and warning alarms). */
  public renderCatalog(catalog: Construct, prepared: any[]): IRenderedCatalog {
    return renderCloudWatchCatalog(catalog, prepared as CloudWatchCatalogEntry[], this);
  }

  /** Render an SLO: per burn-rate alert, metric-math alarms over the long and short window joined by a composite alarm. */
  public renderSlo(slo: Slo): IRenderedAlerts {
    return renderCloudWatchSlo(slo, this);
  }

  /** Render a composite monitor: an `aws_cloudwatch_composite_alarm` over the components' critical alarms. */
  public renderComposite(composite: CompositeMonitor): IRenderedAlerts {
    return renderCloudWatchComposite(composite, this);
  }

  /** Render an anomaly monitor: an anomaly-detection alarm (`ANOMALY_DETECTION_BAND`). */
  public renderAnomaly(monitor: AnomalyMonitor): IRenderedAlerts {
    return renderCloudWatchAnomaly(monitor, this);
  }

  /**
   * How this backend reaches `target` for an alert of `severity` in `scope`: the target's own
   * binding for this backend, or the backend's way of reaching a built-in target (its resources
   * are created once per stack). A synth error names both when the backend cannot serve it.
   */
  public bindTarget(scope: IConstruct, target: INotificationTarget, severity: Severity): CloudWatchTargetBinding {
    return cloudWatchBinding(scope, this, target, severity);
  }

  /**
   * The id under which targets' resources for this backend live in a stack: the backend id, and
   * the connection's alias for an aliased connection (topics belong to one account and region).
   * @internal
   */
  public _targetScopeId(scope: IConstruct): string {
    const alias = this.connectionFor(scope).alias;
    return alias ? `${this.id}-${alias}` : this.id;
  }

  /** The AWS connection for an alarm in `scope`: the backend's, or `AwsConnection.of(scope)`. */
  public connectionFor(scope: IConstruct): AwsConnection {
    return this.options.connection ?? AwsConnection.of(scope);
  }

  /**
   * The KMS-encrypted SNS topic of a notification target, created once per stack and backend
   * (for targets of your own: subscribe to it and return its ARN from `bindToCloudWatch`).
   * @param scope any construct of the stack
   * @param targetId the target's id (names the topic)
   */
  public notificationTopic(scope: IConstruct, targetId: string): SnsTopic {
    const parent = targetScope(scope, targetId, this._targetScopeId(scope));
    const existing = parent.node.tryFindChild('Topic') as SnsTopic | undefined;
    if (existing) return existing;
    const conn = this.connectionFor(scope);
    const stackId = TerraformStack.of(scope).node.id;
    return new SnsTopic(parent, 'Topic', {
      // Topic names: 1-256 letters, digits, _ and - (CreateTopic).
      name: `${stackId}-${targetId}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 256),
      kmsMasterKeyId: this.topicKey(scope, conn),
      provider: conn.provider,
    });
  }

  private topicKey(scope: IConstruct, conn: AwsConnection): string {
    const enc = this.options.topicEncryption ?? TopicEncryption.managedByLibrary();
    if (!(enc instanceof TopicEncryption)) fail(scope, 'topicEncryption', enc, 'TopicEncryption.managedByLibrary(), kmsKey(keyId) or awsManagedKey()');
    if (enc.mode === 'aws-managed') {
      Annotations.of(scope).addWarning(`${scope.node.path}: SNS topics encrypted with alias/aws/sns cannot receive CloudWatch alarm notifications (CloudWatch may not use that key); use TopicEncryption.managedByLibrary() or a key whose policy admits cloudwatch.amazonaws.com`);
      return enc.keyId!;
    }
    if (enc.mode === 'key') {
      return requirePattern(scope, 'topicEncryption.keyId', enc.keyId, /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+|alias\/[A-Za-z0-9/_-]+|[0-9a-f-]{36}|mrk-[0-9a-f]{32})$/,
        'a KMS key id, key ARN, alias ARN or alias/<name>');
    }
    const key: KmsKey = stackSingleton(scope, `monitoring:sns-key:${conn.node.path}`, () => {
      const shared = sharedScope(scope, 'MonitoringEncryption');
      const id = conn.alias ? `${conn.alias}Key` : 'Key';
      const identity = new DataAwsCallerIdentity(shared, `${id}Account`, { provider: conn.provider });
      const k = new KmsKey(shared, id, {
        description: `Encrypts the alarm notification topics of stack ${TerraformStack.of(scope).node.id}`,
        enableKeyRotation: true,
        // Key policy: the account administers the key; CloudWatch alarms may encrypt messages for
        // the topics (AWS re:Post knowledge center, "cloudwatch-configure-alarm-sns").
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'AccountAdministers',
              Effect: 'Allow',
              Principal: { AWS: `arn:${conn.partition}:iam::${identity.accountId}:root` },
              Action: 'kms:*',
              Resource: '*',
            },
            {
              Sid: 'CloudWatchAlarmsPublish',
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
              Resource: '*',
            },
          ],
        }),
        provider: conn.provider,
      });
      new KmsAlias(shared, `${id}Alias`, {
        name: `alias/${TerraformStack.of(scope).node.id}-alarm-notifications${conn.alias ? `-${conn.alias}` : ''}`.replace(/[^A-Za-z0-9/_-]/g, '-'),
        targetKeyId: k.keyId,
        provider: conn.provider,
      });
      return k;
    });
    return key.arn;
  }
}

