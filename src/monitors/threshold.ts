/** How the signal is compared with the thresholds. */
export enum ComparisonOperator {
  /** Alert when the value is above the threshold. */
  GREATER_THAN = 'GREATER_THAN',
  /** Alert when the value is at or above the threshold. */
  GREATER_THAN_OR_EQUAL = 'GREATER_THAN_OR_EQUAL',
  /** Alert when the value is below the threshold. */
  LESS_THAN = 'LESS_THAN',
  /** Alert when the value is at or below the threshold. */
  LESS_THAN_OR_EQUAL = 'LESS_THAN_OR_EQUAL',
}

/** What a monitor does when the signal has no data. */
export enum MissingData {
  /**
   * Report "no data" as its own state and notify (CloudWatch `missing` → INSUFFICIENT_DATA,
   * Datadog `notify_no_data`, Grafana `NoData`).
   */
  MISSING = 'MISSING',
  /** Treat no data as breaching (CloudWatch `breaching`, Datadog `notify_no_data`, Grafana `Alerting`). */
  BREACHING = 'BREACHING',
  /** Treat no data as fine (CloudWatch `notBreaching`, Datadog no notification, Grafana `OK`). */
  NOT_BREACHING = 'NOT_BREACHING',
  /** Keep the current state (CloudWatch `ignore`, Datadog no notification, Grafana `KeepLast`). */
  IGNORE = 'IGNORE',
}

/** Helpers on comparison operators. */
export class Comparisons {
  /** Whether the operator alerts on high values. */
  public static isAbove(op: ComparisonOperator): boolean {
    return op === ComparisonOperator.GREATER_THAN || op === ComparisonOperator.GREATER_THAN_OR_EQUAL;
  }

  /** The symbol: `>`, `>=`, `<`, `<=`. */
  public static symbol(op: ComparisonOperator): string {
    switch (op) {
      case ComparisonOperator.GREATER_THAN: return '>';
      case ComparisonOperator.GREATER_THAN_OR_EQUAL: return '>=';
      case ComparisonOperator.LESS_THAN: return '<';
      default: return '<=';
    }
  }

  /** Whether `value` breaches `threshold` under `op`. */
  public static breaches(op: ComparisonOperator, value: number, threshold: number): boolean {
    switch (op) {
      case ComparisonOperator.GREATER_THAN: return value > threshold;
      case ComparisonOperator.GREATER_THAN_OR_EQUAL: return value >= threshold;
      case ComparisonOperator.LESS_THAN: return value < threshold;
      default: return value <= threshold;
    }
  }

  private constructor() {}
}
