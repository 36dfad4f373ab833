import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, throttles } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { AwsService, Signal } from '../signals/signal';

/** Monitors of a DynamoDB table. */
export interface DynamoDbMonitorsProps extends MonitorPresetOptions {
  /** The table name. */
  readonly tableName: string;
  /**
   * Alert when more read requests than this are throttled in 5 minutes.
   * @default 0
   */
  readonly maxReadThrottleEvents?: number;
  /**
   * Alert when more write requests than this are throttled in 5 minutes.
   * @default 0
   */
  readonly maxWriteThrottleEvents?: number;
}

const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * Read and write throttling of a DynamoDB table (AWS/DynamoDB `ReadThrottleEvents` and
 * `WriteThrottleEvents`, which carry the TableName dimension alone). `MonitorPresets.dynamoDbTable()`.
 */
export function dynamoDbTableMonitors(scope: Construct, id: string, props: DynamoDbMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const t = requirePattern(g, 'tableName', props?.tableName, TABLE_NAME, 'a DynamoDB table name (3-255 letters, digits, _ . -)');
  g._configure(`DynamoDB table ${t}`, props);
  const p = props.titlePrefix ?? t;
  const metric = (name: string): MetricOf => (statistic) => Signal.awsMetric(AwsService.DYNAMODB, t, name, { statistic });
  throttles(g, {
    id: 'ReadThrottles',
    metric: metric('ReadThrottleEvents'),
    prop: 'maxReadThrottleEvents',
    value: props.maxReadThrottleEvents,
    optional: true,
    text: () => ({ title: `${p}: DynamoDB read throttles`, message: `Reads of table ${t} are throttled.` }),
  });
  throttles(g, {
    id: 'WriteThrottles',
    metric: metric('WriteThrottleEvents'),
    prop: 'maxWriteThrottleEvents',
    value: props.maxWriteThrottleEvents,
    optional: true,
    text: () => ({ title: `${p}: DynamoDB write throttles`, message: `Writes to table ${t} are throttled.` }),
  });
  return g;
}
