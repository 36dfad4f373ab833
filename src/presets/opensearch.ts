import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, MetricOf, PERCENT, recommended } from './private/categories';
import { fail, optionalBoolean, requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an Amazon OpenSearch Service domain. */
export interface OpenSearchDomainMonitorsProps extends MonitorPresetOptions {
  /**
   * The domain's name (the `DomainName` dimension), e.g. `logs`, or a reference to it
   * (`opensearchDomain.domainName`).
   */
  readonly domainName: string;
  /**
   * The id of the AWS account that owns the domain (the `ClientId` dimension: OpenSearch Service
   * publishes every domain metric under both `DomainName` and `ClientId`), twelve digits, or a
   * reference to it (`dataAwsCallerIdentity.accountId`).
   */
  readonly accountId: string;
  /**
   * Alert when the data node with the least free storage has this many MiB or fewer (the metric
   * `FreeStorageSpace` is in megabytes, MiB; 20480 is 20 GiB). AWS suggests 25% of each node's
   * storage instead of the fixed 20 GiB.
   * @default 20480
   */
  readonly minFreeStorageMiB?: number;
  /**
   * Alert when the busiest data node's CPU is at or above this percentage for 3 of 3 periods of
   * 15 minutes.
   * @default 80
   */
  readonly maxCpuPercent?: number;
  /**
   * Alert when the Java heap use of any data node is at or above this percentage for 3 of 3
   * minutes.
   * @default 95
   */
  readonly maxJvmMemoryPressurePercent?: number;
  /**
   * Also alert when a replica shard is not allocated (cluster status yellow) for 5 minutes. A
   * single-node domain, which has nowhere to place replicas, is yellow all the time.
   * @default false
   */
  readonly alertOnYellowStatus?: boolean;
  /**
   * Also monitor the CPU and Java heap of the domain's dedicated master nodes
   * (`MasterCPUUtilization`, `MasterJVMMemoryPressure`); a domain without dedicated master nodes
   * publishes neither.
   * @default false
   */
  readonly dedicatedMasterNodes?: boolean;
  /**
   * With `dedicatedMasterNodes`: alert when the busiest master node's CPU is at or above this
   * percentage for 3 of 3 periods of 15 minutes.
   * @default 50
   */
  readonly maxMasterCpuPercent?: number;
  /**
   * With `dedicatedMasterNodes`: alert when the Java heap use of any master node is at or above
   * this percentage for 3 of 3 minutes.
   * @default 95
   */
  readonly maxMasterJvmMemoryPressurePercent?: number;
}

/**
 * Domain names are 3 to 28 characters, lower-case letters, digits and hyphens, starting with a
 * lower-case letter (OpenSearch Service developer guide, "Creating and managing Amazon OpenSearch
 * Service domains", domain name rules; API reference, CreateDomain `DomainName`).
 */
const DOMAIN_NAME = /^[a-z][a-z0-9-]{2,27}$/;
/** AWS account ids are twelve digits (AWS Account Management reference, "View AWS account identifiers"). */
const ACCOUNT_ID = /^[0-9]{12}$/;

// The defaults below are the alarms of the OpenSearch Service developer guide's "Recommended
// CloudWatch alarms for Amazon OpenSearch Service"
// (docs.aws.amazon.com/opensearch-service/latest/developerguide/cloudwatch-alarms.html), each
// "<metric> <statistic> is <comparison> <threshold> for <period>, <N> consecutive time(s)": the
// period and N become period and evaluation periods (all N breaching). The metrics and their
// units are those of "Monitoring OpenSearch cluster metrics with Amazon CloudWatch"
// (managedomains-cloudwatchmetrics.html), namespace AWS/ES, dimensions ClientId and DomainName.
// OpenSearch Service sends most metrics every 60 seconds (same page); the state monitors alert on
// what is reported and take a domain that stops reporting as its own state.

/** 1 when the metric says so: the status and failure flags (1 = red, blocked, failed). */
const FLAG = { accepts: (v: number) => v === 1, accepted: '1' };

/** `ClusterStatus.red maximum is >= 1 for 1 minute, 1 consecutive time`. */
const RED: Category = {
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL,
  period: 60,
  evaluationPeriods: 1,
  missingData: MissingData.MISSING,
  threshold: FLAG,
  defaultCritical: 1,
};

/** `ClusterStatus.yellow maximum is >= 1 for 1 minute, 5 consecutive times`. */
const YELLOW: Category = { ...RED, evaluationPeriods: 5 };

/**
 * `ClusterIndexWritesBlocked is >= 1 for 5 minutes, 1 consecutive time` (the guide names no
 * statistic; Maximum, the flag at any time of the 5 minutes, is the preset's choice).
 */
const WRITES_BLOCKED: Category = { ...RED, period: 300 };

/** `AutomatedSnapshotFailure maximum is >= 1 for 1 minute, 1 consecutive time`. */
const SNAPSHOT_FAILURE: Category = RED;

/**
 * `FreeStorageSpace minimum is <= 20480 for 1 minute, 1 consecutive time`: 20 GiB on the data
 * node with the least free space; the guide suggests 25% of each node's storage instead (the
 * value is in MiB).
 */
const FREE_STORAGE: Category = {
  statistic: Statistic.MINIMUM,
  comparison: ComparisonOperator.LESS_THAN_OR_EQUAL,
  period: 60,
  evaluationPeriods: 1,
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
  defaultCritical: 20480,
};

/** `CPUUtilization or WarmCPUUtilization maximum is >= 80% for 15 minutes, 3 consecutive times`. */
const CPU: Category = {
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL,
  period: 900,
  evaluationPeriods: 3,
  missingData: MissingData.MISSING,
  threshold: PERCENT,
  defaultCritical: 80,
};

/** `JVMMemoryPressure maximum is >= 95% for 1 minute, 3 consecutive times`. */
const JVM_MEMORY: Category = { ...CPU, period: 60, defaultCritical: 95 };

/** `MasterCPUUtilization maximum is >= 50% for 15 minutes, 3 consecutive times`. */
const MASTER_CPU: Category = { ...CPU, defaultCritical: 50 };

/**
 * `MasterJVMMemoryPressure maximum is >= 95% for 1 minute, 3 consecutive times` (the guide's
 * current table, matching its data-node row; earlier versions said 80% for 15 minutes, once).
 */
const MASTER_JVM_MEMORY: Category = JVM_MEMORY;

/**
 * Cluster health (red status, blocked writes), storage, CPU, Java heap and automated snapshots of
 * an OpenSearch Service domain, optionally the yellow status and the dedicated master nodes
 * (AWS/ES, dimensions DomainName and ClientId). Datadog publishes every one of them
 * (`aws.es.cluster_statusred.maximum`, `free_storage_space.minimum`, `cpuutilization.maximum`,
 * `jvmmemory_pressure.maximum` …; the flags and the master metrics as gauges read with their
 * statistic's aggregator), tags `domainname` and `clientid`. `MonitorPresets.openSearchDomain()`.
 */
export function openSearchDomainMonitors(scope: Construct, id: string, props: OpenSearchDomainMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const domain = requirePattern(g, 'domainName', props?.domainName, DOMAIN_NAME,
    'an OpenSearch domain name (3 to 28 lower-case letters, digits or -, starting with a lower-case letter), or a reference to one');
  const account = requirePattern(g, 'accountId', props.accountId, ACCOUNT_ID, 'an AWS account id (12 digits), or a reference to one');
  const yellow = optionalBoolean(g, 'alertOnYellowStatus', props.alertOnYellowStatus, false);
  const masters = optionalBoolean(g, 'dedicatedMasterNodes', props.dedicatedMasterNodes, false);
  if (!masters) {
    // A master threshold without the master monitors would be dropped silently.
    for (const [prop, value] of [['maxMasterCpuPercent', props.maxMasterCpuPercent], ['maxMasterJvmMemoryPressurePercent', props.maxMasterJvmMemoryPressurePercent]] as const) {
      if (value !== undefined) fail(g, prop, value, 'no value unless dedicatedMasterNodes is true (the master monitors are off)');
    }
  }
  const label = Token.isUnresolved(domain) ? id : domain;
  g._configure(`OpenSearch domain ${label}`, props);
  const p = props.titlePrefix ?? label;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/ES', metricName, dimensions: { DomainName: domain, ClientId: account }, statistic });
  const what = `OpenSearch domain ${label}`;
  recommended(g, RED, {
    id: 'ClusterStatusRed',
    metric: metric('ClusterStatus.red'),
    text: () => ({ title: `${p}: cluster status red`, message: `A primary shard of ${what} and its replicas are not allocated to any node (cluster status red).` }),
  });
  if (yellow) {
    recommended(g, YELLOW, {
      id: 'ClusterStatusYellow',
      metric: metric('ClusterStatus.yellow'),
      text: () => ({ title: `${p}: cluster status yellow`, message: `A replica shard of ${what} has not been allocated to a node for 5 minutes (cluster status yellow).` }),
    });
  }
  recommended(g, WRITES_BLOCKED, {
    id: 'IndexWritesBlocked',
    metric: metric('ClusterIndexWritesBlocked'),
    text: () => ({ title: `${p}: index writes blocked`, message: `${what} is blocking write requests.` }),
  });
  recommended(g, FREE_STORAGE, {
    id: 'FreeStorage',
    metric: metric('FreeStorageSpace'),
    prop: 'minFreeStorageMiB',
    value: props.minFreeStorageMiB,
    optional: true,
    text: (s) => ({ title: `${p}: free storage`, message: `A data node of ${what} has ${s.critical} MiB of free storage or less.` }),
  });
  recommended(g, CPU, {
    id: 'Cpu',
    metric: metric('CPUUtilization'),
    prop: 'maxCpuPercent',
    value: props.maxCpuPercent,
    optional: true,
    text: (s) => ({ title: `${p}: CPU`, message: `A data node of ${what} has used ${s.critical}% CPU or more for 45 minutes.` }),
  });
  recommended(g, JVM_MEMORY, {
    id: 'JvmMemoryPressure',
    metric: metric('JVMMemoryPressure'),
    prop: 'maxJvmMemoryPressurePercent',
    value: props.maxJvmMemoryPressurePercent,
    optional: true,
    text: (s) => ({ title: `${p}: JVM memory pressure`, message: `A data node of ${what} has used ${s.critical}% of its Java heap or more for 3 minutes.` }),
  });
  recommended(g, SNAPSHOT_FAILURE, {
    id: 'AutomatedSnapshotFailure',
    metric: metric('AutomatedSnapshotFailure'),
    text: () => ({ title: `${p}: automated snapshot failure`, message: `An automated snapshot of ${what} failed.` }),
  });
  if (masters) {
    recommended(g, MASTER_CPU, {
      id: 'MasterCpu',
      metric: metric('MasterCPUUtilization'),
      prop: 'maxMasterCpuPercent',
      value: props.maxMasterCpuPercent,
      optional: true,
      text: (s) => ({ title: `${p}: master CPU`, message: `A dedicated master node of ${what} has used ${s.critical}% CPU or more for 45 minutes.` }),
    });
    recommended(g, MASTER_JVM_MEMORY, {
      id: 'MasterJvmMemoryPressure',
      metric: metric('MasterJVMMemoryPressure'),
      prop: 'maxMasterJvmMemoryPressurePercent',
      value: props.maxMasterJvmMemoryPressurePercent,
      optional: true,
      text: (s) => ({ title: `${p}: master JVM memory pressure`, message: `A dedicated master node of ${what} has used ${s.critical}% of its Java heap or more for 3 minutes.` }),
    });
  }
  return g;
}
