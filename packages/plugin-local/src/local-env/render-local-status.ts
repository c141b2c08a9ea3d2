import type { LocalStatus } from '@opsctl/testbed';
import type { CommandContext } from '@opsctl/cli';

export function renderLocalStatus(context: CommandContext, status: LocalStatus): void {
  if (!status.up) {
    context.output.line('The local environment is not running (start it with: opsctl local up).');
    return;
  }
  context.output.line(
    `Load balancer  ${status.loadBalancer.url}  (stats ${status.loadBalancer.statsUrl})`,
  );
  context.output.line(`Registry       ${status.registry.url}`);
  context.output.line(`DigitalOcean   ${status.doApi.url || 'not running'}`);
  context.output.table(status.droplets, [
    { header: 'DROPLET', value: (d) => d.name },
    { header: 'SSH', value: (d) => `127.0.0.1:${d.sshPort}` },
    { header: 'HTTP', value: (d) => `127.0.0.1:${d.httpPort}` },
    { header: 'STATE', value: (d) => d.state },
    { header: 'LOAD BALANCER', value: (d) => d.loadBalancer },
  ]);
}
