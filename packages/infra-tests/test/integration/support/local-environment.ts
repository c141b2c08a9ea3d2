import { join } from 'node:path';
import { localEnvironmentVariables } from '@opsctl/testbed';
import { repoRoot } from '../../support/paths.js';
import { opsctl } from './opsctl-cli.js';

/** Names the local environment (packages/testbed) gives its parts. */
export const LOCAL_NETWORK = 'opsctl-local';
/** `opsctl local down` removes every container and volume with this label. */
export const LOCAL_LABEL = 'opsctl-local';
export const LOCAL_REGISTRY = 'registry.opsctl.local:5443';
export const LOCAL_REGISTRY_CA = join(repoRoot, '.opsctl/local/pki/ca.crt');

export interface LocalEnvironment {
  /** Whether this test started it (and so stops it again). */
  readonly startedHere: boolean;
  /** `opsctl local down` if this test started it; nothing otherwise. */
  readonly release: () => Promise<void>;
}

/**
 * The local environment as a user brings it up. One that is already running is reused as it is
 * and left running: other suites may be using it, and `local up` rebuilds one it finds unhealthy
 * (a droplet of theirs restarting, say) from scratch. This file needs only its network,
 * registry and datastores.
 */
export async function useLocalEnvironment(): Promise<LocalEnvironment> {
  const status = await opsctl(['local', 'status', '--json']);
  const before = status.json?.result as { up: boolean } | undefined;
  if (before === undefined) throw new Error(`opsctl local status failed:\n${status.stderr}`);
  const startedHere = !before.up;
  if (startedHere) {
    const up = await opsctl(['local', 'up']);
    if (up.code !== 0) throw new Error(`opsctl local up failed:\n${up.stderr}`);
  }
  return {
    startedHere,
    release: async () => {
      if (startedHere) await opsctl(['local', 'down']);
    },
  };
}

/**
 * The values `opsctl local up` writes to .env.local (registry password, database, Redis and their
 * CAs), from the testbed that makes them rather than by reading the file again.
 */
export async function localDotEnv(): Promise<Map<string, string>> {
  return new Map(Object.entries(await localEnvironmentVariables(join(repoRoot, '.opsctl/local'))));
}
