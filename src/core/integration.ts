import type { TerraformElement, TerraformResource } from 'cdktf';
import type { IConstruct } from 'constructs';
import { ValidationError } from './errors';
import type { IntegrationConnection } from './integration-connection';
import { describe } from './private/validate';
import type { Secret } from './secret';
import type { ComparisonOperator, MissingData } from '../monitors/threshold';
import type { Signal } from '../signals/signal';

/** What a health signal of an integration tells about it. */
export enum IntegrationHealthKind {
  /** How long ago data last arrived or was delivered ("last sync"). */
  FRESHNESS = 'FRESHNESS',
  /** Deliveries or calls that fail (or are retried because they fail). */
  ERROR_RATE = 'ERROR_RATE',
  /** Deliveries given up on and kept aside (a dead-letter queue, a failed-data bucket), or lost. */
  DEAD_LETTERS = 'DEAD_LETTERS',
  /** Work refused or delayed by a rate limit. */
  THROTTLING = 'THROTTLING',
  /** Whether the external system is reachable (a plan-time probe of its endpoint). */
  CONNECTIVITY = 'CONNECTIVITY',
}

/** An alarm or monitor an integration already created for one of its health signals. */
export interface IntegrationAlarm {
  /** The system that evaluates it, as a monitor backend names itself: `cloudwatch`, `datadog`… */
  readonly system: string;
  /** The alarm or monitor resource (an `aws_cloudwatch_metric_alarm`, a `datadog_monitor`…). */
  readonly resource: TerraformResource;
  /** The attribute that identifies it in its system: `arn` for a CloudWatch alarm, `id` for a Datadog monitor. */
  readonly referenceAttribute: string;
}

/**
 * One health signal of an integration: what it watches (a `Signal` and the threshold that
 * means "broken"), or the plan-time check that probes it, and the alarm the integration
 * already created for it, if any.
 */
export interface IntegrationHealthSignal {
  /** Name of the signal, unique within the integration (letters, digits, `-`), e.g. `dead-letters`. */
  readonly name: string;
  /** What it tells. */
  readonly kind: IntegrationHealthKind;
  /** What "broken" means, for humans, e.g. `deliveries are in the dead-letter queue`. */
  readonly description: string;
  /**
   * The signal watched.
   * @default - none: the health is checked at plan time (`check`), not by a metric
   */
  readonly signal?: Signal;
  /**
   * How the signal compares with `threshold` when the integration is broken.
   * @default - none (required with `signal`)
   */
  readonly comparison?: ComparisonOperator;
  /**
   * The threshold that means "broken".
   * @default - none (required with `signal`)
   */
  readonly threshold?: number;
  /**
   * Length of one evaluation period, in seconds.
   * @default 300
   */
  readonly period?: number;
  /**
   * Number of breaching periods that mean "broken".
   * @default 1
   */
  readonly evaluationPeriods?: number;
  /**
   * What no data means.
   * @default MissingData.NOT_BREACHING
   */
  readonly missingData?: MissingData;
  /**
   * The alarm the integration already created for this signal.
   * @default - not alarmed by the integration
   */
  readonly alarm?: IntegrationAlarm;
  /**
   * The Terraform `check` block that probes this at plan time.
   * @default - no plan-time check
   */
  readonly check?: TerraformElement;
}

/** A secret an integration uses, described by its role (never by its value). */
export interface IntegrationSecretReference {
  /** What the secret is for, e.g. `apiKey`, `auth`. */
  readonly role: string;
  /** The secret (its source and where it comes from are described; its value never is). */
  readonly secret: Secret;
}

/** What an integration is, what it connects, and how its health is known. */
export interface IntegrationDescription {
  /** The kind of integration, e.g. `webhook`, `datadog-export`, `connection.datadog` (letters, digits, `.` and `-`). */
  readonly kind: string;
  /** Its name, unique among the integrations of its kind in a stack (1-128 characters without control characters). */
  readonly name: string;
  /** The external systems it involves, e.g. `["aws", "datadog"]`. */
  readonly systems: string[];
  /**
   * The connections it uses.
   * @default - none (a connection itself uses none)
   */
  readonly connections?: IntegrationConnection[];
  /**
   * Where it connects to, only what is not secret: a site, a region, a host, an owner.
   * @default - nothing to add
   */
  readonly endpoint?: { [key: string]: string };
  /**
   * The secrets it uses, by role.
   * @default - none
   */
  readonly secrets?: IntegrationSecretReference[];
  /**
   * Its main resources, by name: references (`queue.arn`, `stream.arn`), never copied names.
   * @default - none
   */
  readonly resources?: { [name: string]: string };
  /** Its health signals (empty when it has none: then `noHealthReason` says why). */
  readonly health: IntegrationHealthSignal[];
  /**
   * Why it has no health signal.
   * @default - it has health signals
   */
  readonly noHealthReason?: string;
}

/**
 * An integration: something in the app that connects to an external system and can describe
 * itself for the `IntegrationCatalog`. The library's connections, DatadogExport, Webhook,
 * JiraWorkflow, GitHubRepository, GitLabProject and GitOpsPipeline implement it; a construct of your own
 * implements it too and calls `Integrations.mark(this)` in its constructor.
 */
export interface IIntegration extends IConstruct {
  /** What the integration is, what it connects and how its health is known. */
  describeIntegration(): IntegrationDescription;
}

const INTEGRATION_MARK = Symbol.for('cdktf-integrations.Integration');

/** Helpers to mark and recognise integrations. */
export class Integrations {
  /**
   * Whether `x` is an integration marked with `Integrations.mark()` (any jsii language).
   * @param x any value, typically a construct
   */
  public static isIntegration(x: any): boolean {
    return x !== null && typeof x === 'object' && (x as any)[INTEGRATION_MARK] === true && typeof (x as any).describeIntegration === 'function';
  }

  /**
   * Mark a construct as an integration, so that an `IntegrationCatalog` in its stack finds it.
   * @param integration the construct, which implements `describeIntegration()`
   */
  public static mark(integration: IIntegration): void {
    if (integration === null || typeof integration !== 'object' || typeof (integration as any).describeIntegration !== 'function') {
      throw new ValidationError('Integrations.mark', 'integration', describe(integration), 'a construct that implements describeIntegration()');
    }
    Object.defineProperty(integration, INTEGRATION_MARK, { value: true, configurable: true });
  }

  private constructor() {}
}
