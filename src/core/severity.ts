/** How bad an alert is: SEV1 (critical, wake someone up) to SEV5 (informational). */
export enum Severity {
  /** Critical: customer-facing outage; page immediately. */
  SEV1 = 'SEV1',
  /** High: major degradation; page. */
  SEV2 = 'SEV2',
  /** Medium: partial degradation; handle in working hours. */
  SEV3 = 'SEV3',
  /** Low: minor issue; ticket. */
  SEV4 = 'SEV4',
  /** Informational. */
  SEV5 = 'SEV5',
}

const ORDER = [Severity.SEV1, Severity.SEV2, Severity.SEV3, Severity.SEV4, Severity.SEV5];
const JIRA = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const PAGERDUTY = ['critical', 'error', 'warning', 'info', 'info'];

/** Mappings of severities to what each system calls them. */
export class Severities {
  /** Every severity, most severe first. */
  public static all(): Severity[] {
    return [...ORDER];
  }

  /** Whether `value` is a Severity. */
  public static isSeverity(value: any): boolean {
    return ORDER.includes(value);
  }

  /** 1 for SEV1 … 5 for SEV5 (also Datadog's monitor priority). */
  public static rank(severity: Severity): number {
    return ORDER.indexOf(severity) + 1;
  }

  /** Jira's default priority names: Highest, High, Medium, Low, Lowest. */
  public static jiraPriority(severity: Severity): string {
    return JIRA[ORDER.indexOf(severity)];
  }

  /** PagerDuty Events v2 severity: critical, error, warning, info, info. */
  public static pagerDutySeverity(severity: Severity): string {
    return PAGERDUTY[ORDER.indexOf(severity)];
  }

  /** Lower-case label used in tags and labels, e.g. `sev2`. */
  public static label(severity: Severity): string {
    return severity.toLowerCase();
  }

  private constructor() {}
}
