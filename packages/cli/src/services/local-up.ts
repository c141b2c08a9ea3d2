import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export interface LocalUpOptions {
  /** How many droplets to start. */
  readonly droplets: number;
}

export type LocalUpResult = Record<string, unknown>;

/** Start the local environment: droplets, registry, load balancer. */
export function localUp(
  _context: CommandContext,
  _options: LocalUpOptions,
): Promise<LocalUpResult> {
  return Promise.reject(notImplemented('local up'));
}
