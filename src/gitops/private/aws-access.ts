import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Annotations, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import type { AwsConnection } from '../../aws/aws-connection';
import { fail, optionalArray, requirePattern, requireUnique } from '../../core/private/validate';

/** Who may assume the pipeline's roles: one OIDC issuer and the token subjects of each role. */
export interface OidcTrust {
  /** Construct id of the IAM OIDC provider the pipeline creates. */
  readonly providerId: string;
  /** Host (and path) of the issuer, e.g. `token.actions.githubusercontent.com` or `gitlab.com`. */
  readonly issuer: string;
  /** The audience the CI system puts in its tokens (the provider's client id). */
  readonly audience: string;
  /** Subjects the plan role trusts (pull/merge requests, the default branch, drift checks). */
  readonly planSubjects: string[];
  /** Subjects the apply role trusts. */
  readonly applySubjects: string[];
  /** Subjects are matched with `StringLike` (they hold `*`): else `StringEquals`. */
  readonly planSubjectsLike?: boolean;
  /** A user-given ARN of an existing provider for this issuer, and the prop that gave it. */
  readonly existingProviderArn?: string;
}

/** What both GitOps pipelines build in AWS: the state bucket and the two OIDC roles. */
export interface GitOpsAwsAccessProps {
  readonly aws: AwsConnection;
  /** Name of the state bucket (validated here). */
  readonly bucketName: string;
  /** Prefix of the role names (`<base>-plan`, `<base>-apply`). */
  readonly roleBase: string;
  readonly trust: OidcTrust;
  readonly planPolicyArns?: string[];
  readonly applyPolicyArns?: string[];
}

const POLICY_ARN = /^arn:aws(-cn|-us-gov)?:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/;

/**
 * The Terraform state bucket (private, versioned, encrypted, TLS only, S3-native locking) and
 * the plan and apply roles, each trusting exactly the given OIDC subjects of one issuer.
 */
export class GitOpsAwsAccess {
  public readonly stateBucket: S3Bucket;
  public readonly planRole: IamRole;
  public readonly applyRole: IamRole;
  public readonly stateBucketName: string;

  constructor(private readonly scope: Construct, props: GitOpsAwsAccessProps) {
    const provider = props.aws.provider;
    const partition = props.aws.partition;
    const bucketName = requirePattern(scope, 'stateBucketName', props.bucketName, /^(?!xn--)(?!.*-s3alias$)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'an S3 bucket name of 3-63 lower-case letters, digits and hyphens');
    this.stateBucketName = bucketName;
    this.stateBucket = new S3Bucket(scope, 'StateBucket', { provider, bucket: bucketName, forceDestroy: false });
    new S3BucketVersioningA(scope, 'StateVersioning', { provider, bucket: this.stateBucket.id, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(scope, 'StateEncryption', {
      provider,
      bucket: this.stateBucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }],
    });
    new S3BucketPublicAccessBlock(scope, 'StatePublicAccessBlock', {
      provider, bucket: this.stateBucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(scope, 'StateOwnership', { provider, bucket: this.stateBucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketLifecycleConfiguration(scope, 'StateLifecycle', {
      provider,
      bucket: this.stateBucket.id,
      rule: [{
        id: 'expire-old-state-versions',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        noncurrentVersionExpiration: [{ noncurrentDays: 90 }],
        // parts of an upload that never completed are billed until removed
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      }],
    });
    new S3BucketPolicy(scope, 'StatePolicy', {
      provider,
      bucket: this.stateBucket.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [this.stateBucket.arn, `${this.stateBucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }],
      }),
    });

    // The OIDC provider (one per issuer and account) and the two roles.
    const t = props.trust;
    const oidcArn = t.existingProviderArn ?? new IamOpenidConnectProvider(scope, t.providerId, { provider, url: `https://${t.issuer}`, clientIdList: [t.audience] }).arn;
    const trust = (subjects: string[], like: boolean) => JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: oidcArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: like
          ? { StringEquals: { [`${t.issuer}:aud`]: t.audience }, StringLike: { [`${t.issuer}:sub`]: subjects } }
          : { StringEquals: { [`${t.issuer}:aud`]: t.audience, [`${t.issuer}:sub`]: subjects } },
      }],
    });
    this.planRole = new IamRole(scope, 'PlanRole', { provider, name: `${props.roleBase}-plan`, assumeRolePolicy: trust(t.planSubjects, t.planSubjectsLike ?? false), maxSessionDuration: 3600 });
    this.applyRole = new IamRole(scope, 'ApplyRole', { provider, name: `${props.roleBase}-apply`, assumeRolePolicy: trust(t.applySubjects, false), maxSessionDuration: 3600 });
    const statePolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ListStateBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: this.stateBucket.arn },
        { Sid: 'ReadWriteStateAndLocks', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `${this.stateBucket.arn}/*` },
      ],
    });
    new IamRolePolicy(scope, 'PlanStateAccess', { provider, role: this.planRole.name, name: 'terraform-state', policy: statePolicy });
    new IamRolePolicy(scope, 'ApplyStateAccess', { provider, role: this.applyRole.name, name: 'terraform-state', policy: statePolicy });
    const policyArns = (prop: string, arns: string[] | undefined, dflt: string) => {
      const list = optionalArray(scope, prop, arns, 'a list of IAM managed policy ARNs', [`arn:${partition}:iam::aws:policy/${dflt}`]);
      list.forEach((a, i) => requirePattern(scope, `${prop}[${i}]`, a, POLICY_ARN, 'an IAM managed policy ARN'));
      requireUnique(scope, prop, list, (a) => a, 'an IAM managed policy ARN');
      return list;
    };
    policyArns('planPolicyArns', props.planPolicyArns, 'ReadOnlyAccess').forEach((arn, i) =>
      new IamRolePolicyAttachment(scope, `PlanPolicy${i}`, { provider, role: this.planRole.name, policyArn: arn }));
    if (props.applyPolicyArns === undefined) {
      Annotations.of(scope).addWarning(`${scope.node.path}: the apply role gets AdministratorAccess; set applyPolicyArns to what your stacks create.`);
    }
    policyArns('applyPolicyArns', props.applyPolicyArns, 'AdministratorAccess').forEach((arn, i) =>
      new IamRolePolicyAttachment(scope, `ApplyPolicy${i}`, { provider, role: this.applyRole.name, policyArn: arn }));
  }

  /** The role ARNs as literals (for an unmanaged repository): they need the account id. */
  public literalRoleArns(aws: AwsConnection, roleBase: string, needsIt: string): { plan: string; apply: string } {
    if (!aws.accountId) fail(this.scope, 'aws', aws.node.path, `an AwsConnection with accountId when ${needsIt}`);
    return {
      plan: `arn:${aws.partition}:iam::${aws.accountId}:role/${roleBase}-plan`,
      apply: `arn:${aws.partition}:iam::${aws.accountId}:role/${roleBase}-apply`,
    };
  }

  /** The outputs both pipelines give; `planUse` says who assumes the plan role. */
  public addOutputs(planUse: string): void {
    new TerraformOutput(this.scope, 'StateBucketName', { value: this.stateBucket.bucket, description: 'Terraform state bucket' });
    new TerraformOutput(this.scope, 'PlanRoleArn', { value: this.planRole.arn, description: `Role assumed by ${planUse}` });
    new TerraformOutput(this.scope, 'ApplyRoleArn', { value: this.applyRole.arn, description: 'Role assumed by the apply job' });
  }

  /**
   * Stores a stack's state in the bucket, encrypted, with S3-native locking (`use_lockfile`,
   * which cdktf's S3Backend does not offer: it is set as an override).
   */
  public configureBackend(stack: TerraformStack, region: string, key?: string): S3Backend {
    const backend = new S3Backend(stack, {
      bucket: this.stateBucketName,
      key: key ?? `${stack.node.id}/terraform.tfstate`,
      region,
      encrypt: true,
    });
    backend.addOverride('use_lockfile', true);
    return backend;
  }
}
