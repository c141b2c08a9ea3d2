import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalContext } from './context.js';
import { isAlive } from './processes.js';
import { waitFor } from './wait.js';

// dist/bin/cloud-apis.js from both src/local (tests) and dist/local (built): the entry is always built.
const ENTRY = fileURLToPath(new URL('../../dist/bin/cloud-apis.js', import.meta.url));

export const cloudApisReadyFile = (stateDir: string): string => join(stateDir, 'cloud-apis.json');

/**
 * Starts the DigitalOcean, GitHub and Vercel stand-ins (and, given an API description, the
 * contract-checking proxy in front of DigitalOcean's) as one detached process; returns its pid.
 * It stops its children on SIGTERM.
 */
export async function startCloudApis(ctx: LocalContext, contract?: string): Promise<number> {
  const ready = cloudApisReadyFile(ctx.stateDir);
  await rm(ready, { force: true });
  const log = openSync(join(ctx.stateDir, 'cloud-apis.log'), 'a');
  const child = spawn(
    process.execPath,
    [
      ENTRY,
      '--state-dir',
      ctx.stateDir,
      '--droplets',
      String(ctx.layout.droplets.length),
      ...(contract === undefined ? [] : ['--contract', contract]),
    ],
    {
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the cloud API stand-ins');
  await waitFor(
    'the cloud API stand-ins',
    () => {
      if (!isAlive(pid))
        throw new Error(
          `the cloud API stand-ins exited; see ${join(ctx.stateDir, 'cloud-apis.log')}`,
        );
      return Promise.resolve(existsSync(ready));
    },
    120_000,
    250,
  );
  return pid;
}

export async function readCloudApis(stateDir: string): Promise<Record<string, string> | undefined> {
  const ready = cloudApisReadyFile(stateDir);
  if (!existsSync(ready)) return undefined;
  return JSON.parse(await readFile(ready, 'utf8')) as Record<string, string>;
}
