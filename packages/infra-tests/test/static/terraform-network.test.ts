import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkHttpOnlyFromLoadBalancer,
  checkSshSources,
  coversPort,
  formatProblems,
  loadTerraformTree,
  type TerraformTree,
} from '../../src/index.js';
import { only, treeWithModule } from '../support/fixture-tree.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

const firewall = (rule: string): string => `resource "digitalocean_firewall" "fw" {
  name = "\${local.name_prefix}-fw"
  inbound_rule {
${rule}
  }
}
`;

describe('the cloud firewall of the real environments', () => {
  it('has a port 22 rule whose sources are the admin CIDRs from terraform.tfvars', () => {
    for (const env of tree.environments) {
      const net = env.modules.find((m) => m.call.name === 'networking');
      const fw = net?.dir.resources.find((r) => r.type === 'digitalocean_firewall');
      expect(fw, `${env.name} has a firewall`).toBeDefined();
      expect(net?.scope.vars.admin_ssh_cidrs).toEqual(env.tfvars.admin_ssh_cidrs);
      expect(formatProblems(checkSshSources(env))).toBe('');
    }
  });

  it('lets HTTP in from the load balancer only', () => {
    for (const env of tree.environments)
      expect(formatProblems(checkHttpOnlyFromLoadBalancer(env))).toBe('');
  });
});

describe('the firewall checks', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it.each([
    [
      '0.0.0.0/0 on port 22',
      'protocol = "tcp"\nport_range = "22"\nsource_addresses = ["10.0.0.0/8", "0.0.0.0/0"]',
    ],
    ['::/0 on port 22', 'protocol = "tcp"\nport_range = "22"\nsource_addresses = ["::/0"]'],
    [
      '0.0.0.0/0 on a range that includes 22',
      'protocol = "tcp"\nport_range = "1-1024"\nsource_addresses = ["0.0.0.0/0"]',
    ],
    ['0.0.0.0/0 on all ports', 'protocol = "tcp"\nsource_addresses = ["0.0.0.0/0"]'],
  ])('reports %s', async (_name, rule) => {
    const fixture = await treeWithModule(firewall(rule));
    cleanup = fixture.cleanup;
    expect(formatProblems(checkSshSources(only(fixture.environments)))).toContain(
      'port 22 is open to 0.0.0.0/0 or ::/0',
    );
  });

  it('reports an SSH rule whose sources it cannot read', async () => {
    const fixture = await treeWithModule(
      firewall('protocol = "tcp"\nport_range = "22"\nsource_addresses = split(",", "a,b")'),
    );
    cleanup = fixture.cleanup;
    expect(formatProblems(checkSshSources(only(fixture.environments)))).toContain(
      'cannot be read statically',
    );
  });

  it('accepts 0.0.0.0/0 on a port other than 22', async () => {
    const fixture = await treeWithModule(
      firewall('protocol = "udp"\nport_range = "53"\nsource_addresses = ["0.0.0.0/0"]'),
    );
    cleanup = fixture.cleanup;
    expect(checkSshSources(only(fixture.environments))).toEqual([]);
  });

  it('reports HTTP open to addresses instead of the load balancer', async () => {
    const fixture = await treeWithModule(
      firewall('protocol = "tcp"\nport_range = "80"\nsource_addresses = ["0.0.0.0/0"]'),
    );
    cleanup = fixture.cleanup;
    expect(formatProblems(checkHttpOnlyFromLoadBalancer(only(fixture.environments)))).toContain(
      'port 80 must have source_load_balancer_uids only',
    );
  });

  it('reads port ranges the way DigitalOcean does', () => {
    expect(coversPort('22', 22)).toBe(true);
    expect(coversPort('2222', 22)).toBe(false);
    expect(coversPort('20-30', 22)).toBe(true);
    expect(coversPort('23-65535', 22)).toBe(false);
    expect(coversPort('all', 22)).toBe(true);
    expect(coversPort(undefined, 22)).toBe(true);
  });
});
