import * as path from 'path';
import { LocalBackend, S3Backend, TerraformBackend, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Tenant } from './tenant';
import { CONTROL_CHARS, fail, optionalBoolean, optionalPattern, optionalString, requirePattern } from '../core/private/validate';

/** Options of `TenantStateBackend.s3()`. */
export interface TenantS3StateProps {
  /** The S3 bucket that holds every tenant's state (each under its own key). */
  readonly bucket: string;
  /** The bucket's region, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * The key prefix: a tenant's state is `<keyPrefix>/<tenant id>/terraform.tfstate`.
   * @default "tenants"
   */
  readonly keyPrefix?: string;
  /**
   * Lock the state with S3 itself (`use_lockfile`, Terraform 1.10 and later): a
   * `<key>.tflock` object beside the state, one per tenant.
   * @default true
   */
  readonly useLockfile?: boolean;
  /**
   * A DynamoDB table for state locking (the older mechanism; Terraform deprecates it in favour
   * of `use_lockfile`).
   * @default - none
   */
  readonly dynamodbTable?: string;
  /**
   * Encrypt the state objects on the server.
   * @default true
   */
  readonly encrypt?: boolean;
  /**
   * An IAM role Terraform assumes to read and write the state.
   * @default - the credentials of the environment
   */
  readonly assumeRoleArn?: string;
}

/** Options of `TenantStateBackend.local()`. */
export interface TenantLocalStateProps {
  /**
   * The directory of the tenants' state files: a tenant's state is
   * `<directory>/<tenant id>/terraform.tfstate`. A relative directory is taken from the
   * directory synthesis runs in, and written as an absolute path (like cdktf's own default),
   * so the state survives a new `cdktf.out`.
   * @default "tenant-state"
   */
  readonly directory?: string;
}

// S3 bucket naming rules: 3-63 characters, lower-case letters, digits, dots and hyphens,
// beginning and ending with a letter or digit
// (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const KEY_PREFIX = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;
const DYNAMODB_TABLE = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * Where each tenant's Terraform state lives: one state per tenant, never shared. The state
 * key or path contains the tenant id, so two tenants never read or lock each other's state.
 */
export class TenantStateBackend {
  /** An S3 backend: one bucket, one key per tenant (`<keyPrefix>/<tenant>/terraform.tfstate`), locked with S3 itself. */
  public static s3(props: TenantS3StateProps): TenantStateBackend {
    return new TenantStateBackend('s3', props, undefined);
  }

  /** A local backend: one state file per tenant (`<directory>/<tenant>/terraform.tfstate`). */
  public static local(props: TenantLocalStateProps = {}): TenantStateBackend {
    return new TenantStateBackend('local', undefined, props);
  }

  /** `s3` or `local`. */
  public readonly kind: string;
  private readonly s3Props?: TenantS3StateProps;
  private readonly localProps?: TenantLocalStateProps;

  private constructor(kind: string, s3Props?: TenantS3StateProps, localProps?: TenantLocalStateProps) {
    this.kind = kind;
    this.s3Props = s3Props;
    this.localProps = localProps;
  }

  /**
   * Validates the options (errors name `scope` and the prop `state.<option>`).
   * @internal
   */
  public _validate(scope: IConstruct): void {
    if (this.kind === 's3') this.s3Config(scope, 'x');
    else this.localPath(scope, 'x');
  }

  /**
   * The state location of `tenant` (an S3 key or a file path).
   * @internal
   */
  public _location(scope: IConstruct, tenant: Tenant): string {
    return this.kind === 's3' ? this.s3Config(scope, tenant.id).key : this.localPath(scope, tenant.id);
  }

  /**
   * Configures the backend of a tenant's stack.
   * @internal
   */
  public _bind(stack: TerraformStack, tenant: Tenant): TerraformBackend {
    if (this.kind === 's3') {
      const { config, useLockfile } = this.s3Config(stack, tenant.id);
      const backend = new S3Backend(stack, config);
      // cdktf 0.21's S3BackendConfig predates `use_lockfile` (Terraform 1.10, "Backend Type: s3",
      // "State Locking"): it is written as an override of the backend block.
      if (useLockfile) backend.addOverride('use_lockfile', true);
      return backend;
    }
    return new LocalBackend(stack, { path: this.localPath(stack, tenant.id) });
  }

  private s3Config(scope: IConstruct, tenantId: string) {
    const p = this.s3Props;
    if (p === null || typeof p !== 'object') fail(scope, 'state', p, 'the options of TenantStateBackend.s3 (bucket, region …)');
    const bucket = requirePattern(scope, 'state.bucket', p.bucket, BUCKET, 'an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit');
    const region = requirePattern(scope, 'state.region', p.region, REGION, 'an AWS region code such as eu-west-1');
    const prefix = optionalPattern(scope, 'state.keyPrefix', p.keyPrefix, KEY_PREFIX, 'a key prefix: segments of letters, digits, _ . - joined by /, without a leading or trailing /') ?? 'tenants';
    if (prefix.split('/').some((s) => s === '.' || s === '..')) fail(scope, 'state.keyPrefix', prefix, 'a key prefix without . or .. segments');
    const useLockfile = optionalBoolean(scope, 'state.useLockfile', p.useLockfile, true);
    const encrypt = optionalBoolean(scope, 'state.encrypt', p.encrypt, true);
    const dynamodbTable = optionalPattern(scope, 'state.dynamodbTable', p.dynamodbTable, DYNAMODB_TABLE, 'a DynamoDB table name: 3-255 letters, digits, _ . -');
    const roleArn = optionalPattern(scope, 'state.assumeRoleArn', p.assumeRoleArn, ROLE_ARN, 'an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)');
    const key = `${prefix}/${tenantId}/terraform.tfstate`;
    return {
      key,
      useLockfile,
      config: { bucket, region, key, encrypt, dynamodbTable, assumeRole: roleArn ? { roleArn } : undefined },
    };
  }

  private localPath(scope: IConstruct, tenantId: string): string {
    const p = this.localProps ?? {};
    if (typeof p !== 'object') fail(scope, 'state', p, 'the options of TenantStateBackend.local (directory)');
    const dir = optionalString(scope, 'state.directory', p.directory, 'a directory path') ?? 'tenant-state';
    if (CONTROL_CHARS.test(dir)) fail(scope, 'state.directory', dir, 'a directory path without control characters');
    return path.join(path.resolve(dir), tenantId, 'terraform.tfstate');
  }
}
