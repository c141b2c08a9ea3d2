import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { dockerSucceeds } from './docker-cli.js';
import { waitFor } from './wait.js';

/**
 * Makes sure a Docker engine answers on this machine. There is no systemd here, so when none runs
 * we start `dockerd` ourselves, detached, and return its pid so `down` can stop exactly it.
 */
export async function ensureDockerEngine(stateDir: string): Promise<number | undefined> {
  if (await dockerSucceeds(['info', '--format', '{{.ID}}'])) return undefined;
  const log = openSync(join(stateDir, 'dockerd.log'), 'a');
  const child = spawn('dockerd', [], { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  if (child.pid === undefined) throw new Error('could not start dockerd: is docker.io installed?');
  await waitFor(
    'the Docker engine to answer',
    () => dockerSucceeds(['info', '--format', '{{.ID}}']),
    60_000,
    500,
  );
  return child.pid;
}
