import { digitalOceanContract } from '@opsctl/testbed';
import { execa } from 'execa';
import { cliBin, repoRoot } from './support/paths.js';

/**
 * The integration suite runs against the real local environment, brought up the way a user does
 * (`opsctl local up`, which also writes .env.local), and removed again at the end. Its
 * DigitalOcean stand-in sits behind Prism, so every request the suite's opsctl sends is checked
 * against the official API description.
 */
export async function setup(): Promise<void> {
  const contract = await digitalOceanContract();
  const up = await execa('node', [cliBin, 'local', 'up', '--contract', contract], {
    cwd: repoRoot,
    reject: false,
    all: true,
  });
  if (up.exitCode !== 0) throw new Error(`opsctl local up failed:\n${up.all}`);
}

export async function teardown(): Promise<void> {
  if (process.env.OPSCTL_KEEP_LOCAL === '1') return;
  await execa('node', [cliBin, 'local', 'down'], { cwd: repoRoot, reject: false });
}
