/**
 * A Datadog site (the region an organization lives in). Each site has its own web, API and
 * intake hosts.
 */
export class DatadogSite {
  /** US1 (datadoghq.com), the default site. */
  public static readonly US1 = new DatadogSite('US1', 'datadoghq.com');
  /** US3 (us3.datadoghq.com). */
  public static readonly US3 = new DatadogSite('US3', 'us3.datadoghq.com');
  /** US5 (us5.datadoghq.com). */
  public static readonly US5 = new DatadogSite('US5', 'us5.datadoghq.com');
  /** EU1 (datadoghq.eu). */
  public static readonly EU1 = new DatadogSite('EU1', 'datadoghq.eu');
  /** AP1 (ap1.datadoghq.com). */
  public static readonly AP1 = new DatadogSite('AP1', 'ap1.datadoghq.com');
  /** AP2 (ap2.datadoghq.com). */
  public static readonly AP2 = new DatadogSite('AP2', 'ap2.datadoghq.com');
  /** US1-FED (ddog-gov.com), for FedRAMP workloads. */
  public static readonly US1_FED = new DatadogSite('US1-FED', 'ddog-gov.com');

  /** Every known site. */
  public static all(): DatadogSite[] {
    return [DatadogSite.US1, DatadogSite.US3, DatadogSite.US5, DatadogSite.EU1, DatadogSite.AP1, DatadogSite.AP2, DatadogSite.US1_FED];
  }

  /**
   * A site from its name (`US1`, `eu1`, `US1-FED`) or its domain (`datadoghq.eu`). An unknown
   * value is kept as given and rejected, with the accepted values, by the construct that
   * receives it.
   */
  public static fromString(nameOrDomain: string): DatadogSite {
    const v = String(nameOrDomain ?? '').trim();
    const known = DatadogSite.all().find((s) => s.name.toLowerCase() === v.toLowerCase() || s.domain === v.toLowerCase());
    return known ?? new DatadogSite(v, '');
  }

  /** Site name, e.g. `EU1`. */
  public readonly name: string;
  /** Site domain, e.g. `datadoghq.eu`. */
  public readonly domain: string;

  private constructor(name: string, domain: string) {
    this.name = name;
    this.domain = domain;
  }

  /** Whether this is one of the sites Datadog operates. */
  public get isKnown(): boolean {
    return this.domain !== '';
  }

  /** Base URL of the Datadog API, e.g. `https://api.datadoghq.eu/`. */
  public get apiUrl(): string {
    return `https://api.${this.domain}/`;
  }

  /** URL of the Datadog web app, e.g. `https://app.datadoghq.eu`. */
  public get appUrl(): string {
    return this.domain === 'datadoghq.com' ? 'https://app.datadoghq.com' : `https://${this.domain.startsWith('us') || this.domain.startsWith('ap') ? '' : 'app.'}${this.domain}`;
  }
}
