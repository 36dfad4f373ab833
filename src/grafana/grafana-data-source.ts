import { Fn } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GrafanaConnection } from './grafana-connection';
import { checkReserved, RESERVED_JSON_DATA, RESERVED_SECURE_JSON_DATA } from './private/provider-rules';
import { registerGrafanaUid } from './private/refs';
import { uidFromText } from './private/uid';
import { AwsRegions } from '../aws/aws-regions';
import { DataSource } from '../bindings/grafana/data-source';
import { requireSecret } from '../core/private/require-secret';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalBoolean, optionalPattern, requirePattern, requireString, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';

/** Common options of every data source. */
export interface GrafanaDataSourceOptions {
  /** Name shown in Grafana. */
  readonly name: string;
  /**
   * Stable uid (dashboards and alert rules refer to it).
   * @default - derived from the name
   */
  readonly uid?: string;
  /**
   * Make it the organization's default data source.
   * @default false
   */
  readonly isDefault?: boolean;
  /**
   * The Grafana connection.
   * @default - GrafanaConnection.of(scope)
   */
  readonly connection?: GrafanaConnection;
}

/** Options of a CloudWatch data source. */
export interface CloudWatchDataSourceOptions extends GrafanaDataSourceOptions {
  /** Default region of queries. */
  readonly region: string;
  /**
   * Role Grafana assumes to read CloudWatch.
   * @default - Grafana's own credentials are used as they are
   */
  readonly assumeRoleArn?: string;
  /**
   * External id required by the role.
   * @default - none
   */
  readonly externalId?: string;
  /**
   * Access key id, for key authentication (prefer a role).
   * @default - the AWS SDK default credential chain of the Grafana server
   */
  readonly accessKeyId?: Secret;
  /**
   * Secret access key, with `accessKeyId`.
   * @default - none
   */
  readonly secretAccessKey?: Secret;
}

/** Options of a Prometheus data source. */
export interface PrometheusDataSourceOptions extends GrafanaDataSourceOptions {
  /** Prometheus base URL. */
  readonly url: string;
  /**
   * Basic-auth user (with `basicAuthPassword`).
   * @default - no basic auth
   */
  readonly basicAuthUsername?: string;
  /**
   * Basic-auth password.
   * @default - no basic auth
   */
  readonly basicAuthPassword?: Secret;
  /**
   * Bearer token sent as `Authorization: Bearer …` (through the resource's sensitive `http_headers`).
   * @default - none
   */
  readonly bearerToken?: Secret;
  /**
   * Scrape interval Grafana assumes (`$__rate_interval`), e.g. `30s`.
   * @default "15s"
   */
  readonly scrapeInterval?: string;
}

/** Options of a JSON API (HTTP) data source for an external metrics API. */
export interface JsonApiDataSourceOptions extends GrafanaDataSourceOptions {
  /** Base URL of the API. */
  readonly url: string;
  /**
   * Secret headers sent with every request (e.g. `{ 'X-Api-Key': secret }`), through the
   * resource's sensitive `http_headers`.
   * @default - none
   */
  readonly secretHeaders?: { [name: string]: Secret };
  /**
   * Query string appended to every request (`key=value&…`).
   * @default - none
   */
  readonly queryParams?: string;
}

/** Props of a `GrafanaDataSource` of any type. */
export interface GrafanaDataSourceProps extends GrafanaDataSourceOptions {
  /** Plugin type id, e.g. `prometheus`, `cloudwatch`, `loki`. */
  readonly type: string;
  /**
   * URL of the backend.
   * @default - none (some types need none)
   */
  readonly url?: string;
  /**
   * Non-secret settings (`jsonData`). The grafana provider reserves `httpHeaderName…`,
   * `teamHttpHeaders`, `enableSecureSocksProxy` and `secureSocksProxyUsername` (use
   * `httpHeaders` for headers).
   * @default - none
   */
  readonly jsonData?: { [key: string]: any };
  /**
   * Secret settings (`secureJsonData`), each value a Secret. The grafana provider reserves
   * `httpHeaderValue…` (use `httpHeaders`).
   * @default - none
   */
  readonly secureJsonData?: { [key: string]: Secret };
  /**
   * HTTP headers Grafana sends with every request to the data source, each value a Secret
   * (the resource's sensitive `http_headers`).
   * @default - none
   */
  readonly httpHeaders?: { [name: string]: Secret };
  /**
   * Bearer token sent as `Authorization: Bearer <token>` (an `http_headers` entry); not with an
   * `Authorization` entry of `httpHeaders`.
   * @default - none
   */
  readonly bearerToken?: Secret;
  /**
   * User name for HTTP basic authentication (its password goes in `secureJsonData.basicAuthPassword`).
   * @default - no basic authentication
   */
  readonly basicAuthUsername?: string;
}

const UID = /^[A-Za-z0-9_-]{1,40}$/;

/** Stands in for a construct not created yet, so preset validation names its future path. */
function futurePath(scope: Construct, id: string): IConstruct {
  return { node: { path: scope.node.path ? `${scope.node.path}/${id}` : id } } as unknown as IConstruct;
}
const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;

/**
 * A Grafana data source, with presets for CloudWatch (assume role), Prometheus and an HTTP
 * JSON API. Credentials come from Secrets and are sent as `secureJsonData`, secret headers
 * (a bearer token included) as `http_headers`: they never appear in cdktf.out, but the grafana
 * provider stores `secure_json_data_encoded` and `http_headers` (both sensitive) in the
 * Terraform state.
 */
export class GrafanaDataSource extends Construct {
  /** CloudWatch, reading with an assumed role (recommended) or keys. */
  public static cloudWatch(scope: Construct, id: string, options: CloudWatchDataSourceOptions): GrafanaDataSource {
    const ds = futurePath(scope, id);
    const region = requireString(ds, 'region', options.region, 'an AWS region code');
    if (!AwsRegions.isKnown(region)) fail(ds, 'region', region, `an AWS region (${AwsRegions.all().join(', ')})`);
    const roleArn = optionalPattern(ds, 'assumeRoleArn', options.assumeRoleArn, /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'an IAM role ARN');
    if ((options.accessKeyId === undefined) !== (options.secretAccessKey === undefined)) {
      fail(ds, options.accessKeyId ? 'secretAccessKey' : 'accessKeyId', undefined, 'given together with the other key (or neither)');
    }
    const keys = options.accessKeyId !== undefined;
    return new GrafanaDataSource(scope, id, {
      ...options,
      type: 'cloudwatch',
      jsonData: {
        authType: keys ? 'keys' : 'default',
        defaultRegion: region,
        ...(roleArn ? { assumeRoleArn: roleArn } : {}),
        ...(options.externalId ? { externalId: requireString(ds, 'externalId', options.externalId) } : {}),
      },
      secureJsonData: keys ? { accessKey: options.accessKeyId!, secretKey: options.secretAccessKey! } : undefined,
    });
  }

  /** Prometheus (or any Prometheus-compatible API), with basic auth or a bearer token. */
  public static prometheus(scope: Construct, id: string, options: PrometheusDataSourceOptions): GrafanaDataSource {
    const ds = futurePath(scope, id);
    const url = requireUrl(ds, 'url', options.url, ['https', 'http']);
    const interval = requirePattern(ds, 'scrapeInterval', options.scrapeInterval ?? '15s', /^\d+(ms|s|m|h)$/, 'a duration such as 15s or 1m');
    if (options.bearerToken && options.basicAuthPassword) fail(ds, 'bearerToken', '<secret>', 'not given together with basic auth');
    const secure: Record<string, Secret> = {};
    const json: Record<string, any> = { httpMethod: 'POST', timeInterval: interval };
    if (options.basicAuthPassword !== undefined) {
      requireString(ds, 'basicAuthUsername', options.basicAuthUsername, 'the basic-auth user name (with basicAuthPassword)');
      secure.basicAuthPassword = options.basicAuthPassword;
    }
    return new GrafanaDataSource(scope, id, {
      ...options,
      type: 'prometheus',
      url,
      jsonData: json,
      secureJsonData: secure,
      basicAuthUsername: options.basicAuthPassword ? options.basicAuthUsername : undefined,
      bearerToken: options.bearerToken,
    });
  }

  /** An HTTP JSON API (plugin `marcusolsson-json-datasource`) for querying an external metrics API. */
  public static jsonApi(scope: Construct, id: string, options: JsonApiDataSourceOptions): GrafanaDataSource {
    const ds = futurePath(scope, id);
    const url = requireUrl(ds, 'url', options.url);
    const json: Record<string, any> = {};
    for (const name of Object.keys(options.secretHeaders ?? {})) requirePattern(ds, 'secretHeaders', name, HEADER, 'HTTP header names');
    if (options.queryParams !== undefined) json.queryParams = requirePattern(ds, 'queryParams', options.queryParams, /^[^?#\s][^#\s]*$/, 'a query string without ? such as a=1&b=2');
    return new GrafanaDataSource(scope, id, { ...options, type: 'marcusolsson-json-datasource', url, jsonData: json, httpHeaders: options.secretHeaders });
  }

  /** The `grafana_data_source` resource (escape hatch). */
  public readonly resource: DataSource;
  /** The data source uid. */
  public readonly uid: string;
  /** The data source name. */
  public readonly name: string;
  /** The plugin type. */
  public readonly type: string;
  /** The Grafana connection. */
  public readonly connection: GrafanaConnection;

  constructor(scope: Construct, id: string, props: GrafanaDataSourceProps) {
    super(scope, id);
    libraryScope(this);
    this.connection = props.connection ?? GrafanaConnection.of(this);
    this.name = requireString(this, 'name', props.name, 'a non-empty data source name');
    this.uid = props.uid === undefined ? uidFromText(this.name) : requirePattern(this, 'uid', props.uid, UID, 'a uid of 1-40 letters, digits, - or _');
    this.type = requirePattern(this, 'type', props.type, /^[a-z0-9][a-z0-9._-]*$/, 'a Grafana plugin type id such as prometheus');
    const url = props.url === undefined ? undefined : requireUrl(this, 'url', props.url, ['https', 'http']);
    const jsonData = props.jsonData ?? {};
    const secure = props.secureJsonData ?? {};
    const basicAuthUser = props.basicAuthUsername === undefined ? undefined : requireString(this, 'basicAuthUsername', props.basicAuthUsername);
    const secureValues: Record<string, string> = {};
    for (const key of Object.keys(secure).sort()) secureValues[key] = requireSecret(this, `secureJsonData.${key}`, secure[key]).value;
    const sortedJson: Record<string, any> = {};
    for (const key of Object.keys(jsonData).sort()) sortedJson[key] = jsonData[key];
    const jsonDataEncoded = Object.keys(sortedJson).length > 0 ? JSON.stringify(sortedJson) : undefined;
    // Rules of the provider's resource_data_source.go (see private/provider-rules.ts): header
    // names and values are reserved in the encoded settings; headers go in http_headers.
    if (jsonDataEncoded !== undefined) checkReserved(this, 'jsonData', jsonDataEncoded, RESERVED_JSON_DATA, 'headers go in httpHeaders');
    checkReserved(this, 'secureJsonData', Object.keys(secureValues).join('\n'), RESERVED_SECURE_JSON_DATA, 'headers go in httpHeaders');
    const headers: Record<string, string> = {};
    for (const name of Object.keys(props.httpHeaders ?? {}).sort()) {
      requirePattern(this, 'httpHeaders', name, HEADER, 'HTTP header names');
      headers[name] = requireSecret(this, `httpHeaders.${name}`, props.httpHeaders![name]).value;
    }
    if (props.bearerToken !== undefined) {
      const clash = Object.keys(headers).find((h) => h.toLowerCase() === 'authorization');
      if (clash) fail(this, `httpHeaders.${clash}`, clash, 'no Authorization header when bearerToken is given');
      headers.Authorization = `Bearer ${requireSecret(this, 'bearerToken', props.bearerToken).value}`;
    }
    this.resource = new DataSource(this, 'Resource', {
      provider: this.connection.provider,
      name: this.name,
      uid: this.uid,
      type: this.type,
      url,
      isDefault: optionalBoolean(this, 'isDefault', props.isDefault, false),
      basicAuthEnabled: basicAuthUser !== undefined ? true : undefined,
      basicAuthUsername: basicAuthUser,
      jsonDataEncoded,
      secureJsonDataEncoded: Object.keys(secureValues).length > 0 ? Fn.jsonencode(secureValues) : undefined,
      httpHeaders: Object.keys(headers).length > 0 ? headers : undefined,
    });
    // Rules and dashboards of this stack that name this uid refer to the resource instead.
    registerGrafanaUid(this, 'datasource', this.connection, this.uid, this.resource.uid);
  }
}
