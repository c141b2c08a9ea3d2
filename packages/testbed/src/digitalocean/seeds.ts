/** What the local environment knows about a droplet; the stand-in fills in the rest of the API's shape. */
export interface DropletSeed {
  readonly id: number;
  readonly name: string;
  readonly tags: readonly string[];
  readonly publicIpv4?: string;
  readonly privateIpv4?: string;
  /** A DigitalOcean region slug; fra1 by default. */
  readonly region?: string;
  readonly status?: 'new' | 'active' | 'off' | 'archive';
  readonly createdAt?: string;
}

/** Called on every droplet request, so the API always reflects the environment as it is now. */
export type DropletProvider = () => Promise<readonly DropletSeed[]> | readonly DropletSeed[];

export interface LoadBalancerSeed {
  /** A UUID, as DigitalOcean's load balancer ids are. */
  readonly id: string;
  readonly name: string;
  readonly ip: string;
  readonly dropletIds: readonly number[];
  readonly region?: string;
  readonly entryPort?: number;
  readonly targetPort?: number;
  readonly healthCheckPath?: string;
}

/** Applies a load balancer's new backend set (the local environment rewrites HAProxy); throwing rejects the change. */
export type LoadBalancerHook = (change: {
  readonly loadBalancerId: string;
  readonly dropletIds: readonly number[];
  readonly added: readonly number[];
  readonly removed: readonly number[];
}) => Promise<void>;

/** An alert policy exactly as the monitoring API returns it. */
export interface AlertPolicySeed {
  readonly uuid: string;
  readonly type: string;
  readonly description: string;
  readonly compare: 'GreaterThan' | 'LessThan';
  readonly value: number;
  readonly window: '5m' | '10m' | '30m' | '1h';
  readonly entities: readonly string[];
  readonly tags: readonly string[];
  readonly alerts: {
    readonly email: readonly string[];
    readonly slack: readonly { channel: string; url: string }[];
  };
  readonly enabled: boolean;
}
