import { at, keysOf, parseYaml } from './yaml-value.js';

/** What opsctl.yaml says about one environment. */
export interface OpsctlFacts {
  dropletTag: unknown;
  url: unknown;
  registryName: unknown;
  sshUser: unknown;
  /** Whether the comments tell where this environment's load balancer id comes from. */
  namesLoadBalancerOutput: boolean;
}

/** The environment that runs on this machine only: no Terraform, no inventory, no workflow job. */
export const LOCAL_ENVIRONMENT = 'local';

export function loadBalancerIdCommand(env: string): string {
  return `terraform -chdir=infrastructure/terraform/environments/${env} output -raw load_balancer_id`;
}

export function opsctlEnvironments(text: string): string[] {
  return keysOf(at(parseYaml(text), ['environments']));
}

export function opsctlFacts(text: string, env: string): OpsctlFacts {
  const config = at(parseYaml(text), ['environments', env]);
  return {
    dropletTag: at(config, ['droplets', 'tag']),
    url: at(config, ['loadBalancer', 'url']),
    registryName: at(config, ['registry', 'digitalocean']),
    sshUser: at(config, ['ssh', 'user']),
    namesLoadBalancerOutput: text.includes(loadBalancerIdCommand(env)),
  };
}
