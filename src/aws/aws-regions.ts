/**
 * AWS regions and their partitions.
 */
export class AwsRegions {
  /** Every region this library knows, sorted. */
  public static all(): string[] {
    return Object.keys(REGIONS).sort();
  }

  /** Whether `region` is a known AWS region code such as `eu-west-1`. */
  public static isKnown(region: string): boolean {
    return Object.prototype.hasOwnProperty.call(REGIONS, region);
  }

  /**
   * The partition of a region (`aws`, `aws-cn` or `aws-us-gov`), as used in ARNs.
   * @param region a region code; unknown regions are taken to be in `aws`
   */
  public static partitionOf(region: string): string {
    return REGIONS[region] ?? 'aws';
  }

  private constructor() {}
}

const REGIONS: Record<string, string> = {
  'af-south-1': 'aws',
  'ap-east-1': 'aws',
  'ap-east-2': 'aws',
  'ap-northeast-1': 'aws',
  'ap-northeast-2': 'aws',
  'ap-northeast-3': 'aws',
  'ap-south-1': 'aws',
  'ap-south-2': 'aws',
  'ap-southeast-1': 'aws',
  'ap-southeast-2': 'aws',
  'ap-southeast-3': 'aws',
  'ap-southeast-4': 'aws',
  'ap-southeast-5': 'aws',
  'ap-southeast-6': 'aws',
  'ap-southeast-7': 'aws',
  'ca-central-1': 'aws',
  'ca-west-1': 'aws',
  'eu-central-1': 'aws',
  'eu-central-2': 'aws',
  'eu-north-1': 'aws',
  'eu-south-1': 'aws',
  'eu-south-2': 'aws',
  'eu-west-1': 'aws',
  'eu-west-2': 'aws',
  'eu-west-3': 'aws',
  'il-central-1': 'aws',
  'me-central-1': 'aws',
  'me-south-1': 'aws',
  'mx-central-1': 'aws',
  'sa-east-1': 'aws',
  'us-east-1': 'aws',
  'us-east-2': 'aws',
  'us-west-1': 'aws',
  'us-west-2': 'aws',
  'cn-north-1': 'aws-cn',
  'cn-northwest-1': 'aws-cn',
  'us-gov-east-1': 'aws-us-gov',
  'us-gov-west-1': 'aws-us-gov',
};
