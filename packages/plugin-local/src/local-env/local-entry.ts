import {
  LOCAL_DROPLET_TAGS,
  LOCAL_LOAD_BALANCER_ID,
  LOCAL_REGISTRY_NAME,
  localLayout,
} from '@opsctl/testbed';

/**
 * The one service the local environment's droplets serve: their nginx sends every request to the
 * upstream of a service of this name, and the API stand-in tags them `opsctl-local-<service>`.
 */
export const LOCAL_SERVICE = 'api';

/**
 * The `environments.local` entry of opsctl.yaml for this local environment: the same shape as a
 * cloud environment's (droplets by tag, a DigitalOcean registry, the load balancer by id), with the
 * stand-ins' values. Paths are relative to opsctl.yaml, where `opsctl local up` keeps its state.
 */
export function localEnvironmentEntry(healthPath: string): Record<string, unknown> {
  const layout = localLayout(1);
  return {
    droplets: { tag: LOCAL_DROPLET_TAGS[0] },
    registry: { digitalocean: LOCAL_REGISTRY_NAME },
    ssh: {
      user: 'deploy',
      port: layout.dropletSshPort,
      key: '.opsctl/local/deploy_key',
      knownHosts: '.opsctl/local/known_hosts',
    },
    loadBalancer: {
      digitalocean: LOCAL_LOAD_BALANCER_ID,
      url: `http://127.0.0.1:${layout.loadBalancerPort}`,
    },
    deploy: { smoke: { paths: [healthPath] } },
  };
}
