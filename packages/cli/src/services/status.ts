import type { CommandContext } from '../context/command-context.js';
import { dropletStatus, lockHolder, type DropletStatus } from '../deploy/droplet-status.js';
import { environmentHandles } from '../deploy/environment-handles.js';
import { describeWarm } from '../deploy/describe-warm.js';

export interface StatusOptions {
  readonly service?: string | undefined;
}

export interface StatusResult {
  readonly environment: string;
  readonly service: string;
  readonly droplets: readonly DropletStatus[];
  readonly lock: unknown;
  readonly loadBalancerUrl: string | undefined;
}

/** Show what runs where in an environment: per droplet slot, SHA, health, uptime and the LB's view. */
export async function status(
  context: CommandContext,
  options: StatusOptions,
): Promise<StatusResult> {
  const h = await environmentHandles(context, options.service);
  const droplets = await Promise.all(
    h.droplets.map((d) => dropletStatus(d.name, d.exec, h.paths, h.serviceConfig.healthPath)),
  );
  const primary = h.droplets[0];
  const lock =
    primary === undefined
      ? undefined
      : await lockHolder(primary.exec, h.paths).catch(() => undefined);
  const result: StatusResult = {
    environment: h.environment.name,
    service: h.service,
    droplets,
    lock,
    loadBalancerUrl: h.environment.config.loadBalancer?.url,
  };
  context.output.line(
    `${h.service} in ${h.environment.name}${result.loadBalancerUrl === undefined ? '' : ` behind ${result.loadBalancerUrl}`}`,
  );
  context.output.table(droplets, [
    { header: 'DROPLET', value: (d) => d.droplet },
    { header: 'SLOT', value: (d) => d.slot ?? '-' },
    { header: 'SHA', value: (d) => d.sha ?? '-' },
    { header: 'PREVIOUS', value: (d) => d.previousSha ?? '-' },
    {
      header: 'HEALTH',
      value: (d) => d.health ?? (d.reachable ? '-' : `unreachable: ${d.error ?? ''}`),
    },
    { header: 'UP SINCE', value: (d) => d.startedAt ?? '-' },
    { header: 'WARM', value: (d) => describeWarm(d.warm) },
    {
      header: 'LB CHECK',
      value: (d) =>
        d.loadBalancerCheck === '200'
          ? 'passing'
          : d.loadBalancerCheck === undefined
            ? '-'
            : `failing (${d.loadBalancerCheck})`,
    },
  ]);
  if (lock !== undefined) context.output.line(`Deploy lock held: ${JSON.stringify(lock)}`);
  return result;
}
