import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct, IConstruct } from 'constructs';
import { AwsRegions } from './aws-regions';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { ConnectionCheck } from '../core/private/connection-check';
import { definedEntries } from '../core/private/describe';
import { fail, optionalPattern, requireString, requireStringMap } from '../core/private/validate';

/** Props of an `AwsConnection`. */
export interface AwsConnectionProps extends IntegrationConnectionProps {
  /** The region, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * ARN of an IAM role to assume (`arn:aws:iam::<account>:role/<name>`).
   * @default - the credentials of the environment are used as they are
   */
  readonly assumeRoleArn?: string;
  /**
   * External id required by the role's trust policy.
   * @default - none
   */
  readonly externalId?: string;
  /**
   * Session name of the assumed role.
   * @default - chosen by the provider
   */
  readonly sessionName?: string;
  /**
   * The AWS account the credentials must belong to; the provider refuses any other account
   * and the connection check asserts it.
   * @default - any account
   */
  readonly accountId?: string;
  /**
   * Tags added to every taggable AWS resource created through this connection.
   * @default - none
   */
  readonly defaultTags?: { [key: string]: string };
}

const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/**
 * An AWS account and region. Configures the `aws` provider (assume role, default tags).
 * The connection check reads `aws_caller_identity` and, with `accountId`, asserts the account.
 */
export class AwsConnection extends IntegrationConnection {
  /**
   * The AWS connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) AWS connection
   */
  public static of(scope: IConstruct, alias?: string): AwsConnection {
    return IntegrationConnection.findConnection(scope, 'aws', alias) as AwsConnection;
  }

  /** The region. */
  public readonly region: string;
  /** The partition of the region (`aws`, `aws-cn`, `aws-us-gov`). */
  public readonly partition: string;
  /**
   * The expected account id.
   * @default - any account
   */
  public readonly accountId?: string;
  /** The configured `aws` provider (escape hatch). */
  public readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, props: AwsConnectionProps) {
    super(scope, id, 'aws', props);
    const region = requireString(this, 'region', props.region, 'an AWS region code such as eu-west-1');
    if (!AwsRegions.isKnown(region)) fail(this, 'region', region, `an AWS region (${AwsRegions.all().join(', ')})`);
    this.region = region;
    this.partition = AwsRegions.partitionOf(region);
    const roleArn = optionalPattern(this, 'assumeRoleArn', props.assumeRoleArn, ROLE_ARN, 'an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)');
    const externalId = optionalPattern(this, 'externalId', props.externalId, /^[\w+=,.@:\/-]{2,1224}$/, 'an external id of 2-1224 characters (letters, digits, +=,.@:/-_)');
    const sessionName = optionalPattern(this, 'sessionName', props.sessionName, /^[\w+=,.@-]{2,64}$/, 'a session name of 2-64 characters (letters, digits, +=,.@-_)');
    if (!roleArn && (externalId || sessionName)) {
      fail(this, externalId ? 'externalId' : 'sessionName', externalId ?? sessionName, 'given only together with assumeRoleArn');
    }
    this.accountId = optionalPattern(this, 'accountId', props.accountId, /^\d{12}$/, 'a 12-digit AWS account id');
    const tags = requireStringMap(this, 'defaultTags', props.defaultTags, TAG_KEY, 'a tag key of 1-128 characters (letters, digits, spaces, _ . : / = + - @), not starting with aws:');

    this.provider = this.registerProvider(new AwsProvider(this, 'Provider', {
      alias: this.alias,
      region,
      allowedAccountIds: this.accountId ? [this.accountId] : undefined,
      assumeRole: roleArn ? [{ roleArn, externalId, sessionName }] : undefined,
      defaultTags: Object.keys(tags).length > 0 ? [{ tags }] : undefined,
    }));

    if (this.testCredentialsEnabled) {
      fail(this, 'testCredentials', true, 'false: the AWS check (sts:GetCallerIdentity through the provider) already uses the credentials and stores none of them');
    }
    if (this.testConnectionEnabled) {
      ConnectionCheck.data(this, 'TestConnection', {
        dataType: 'aws_caller_identity',
        config: {},
        provider: this.alias ? this.provider : undefined,
        condition: this.accountId ? `RESPONSE.account_id == "${this.accountId}"` : 'RESPONSE.account_id != ""',
        errorMessage: this.accountId
          ? `The AWS credentials of ${this.node.path} do not belong to account ${this.accountId}.`
          : `The AWS credentials of ${this.node.path} could not be verified (sts:GetCallerIdentity).`,
      });
    }
  }

  /** Builds an ARN in this connection's partition, region and account (or the given ones). */
  public arn(service: string, resource: string, region?: string, account?: string): string {
    return `arn:${this.partition}:${service}:${region ?? this.region}:${account ?? this.accountId ?? ''}:${resource}`;
  }

  /** Region, partition and (when given) account of the connection. */
  protected integrationEndpoint(): { [key: string]: string } {
    return definedEntries({ region: this.region, partition: this.partition, accountId: this.accountId });
  }
}
