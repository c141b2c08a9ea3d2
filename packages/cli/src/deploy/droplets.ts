import type { CommandContext } from '../context/command-context.js';
import type { EnvironmentConfig, StaticDroplet } from '../config/types.js';
import { notImplemented } from '../services/not-implemented.js';

/**
 * The droplets of an environment: the static list, or every droplet carrying the tag (looked up
 * through the DigitalOcean API, using each droplet's public IPv4 address).
 */
export function listDroplets(_ctx: CommandContext, env: EnvironmentConfig): Promise<StaticDroplet[]> {
  const selector = env.droplets;
  if (selector.kind === 'static') return Promise.resolve([...selector.droplets]);
  return Promise.reject(notImplemented('droplets by DigitalOcean tag'));
}
