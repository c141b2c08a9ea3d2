import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ansibleDir } from '../../support/paths.js';
import { run, type RunResult } from '../../support/run.js';

export interface PlaybookRun extends RunResult {
  /** Per host: ok, changed, unreachable, failed, skipped, rescued, ignored. */
  recap: Map<string, Record<string, number>>;
}

/**
 * Writes an inventory into `dir` whose `api` group is this machine itself, so a playbook meant for
 * the first API droplet runs here. Returns its path.
 */
export async function localhostInventory(dir: string): Promise<string> {
  const inventory = join(dir, 'inventory.json');
  const localhost = { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3' };
  await writeFile(inventory, JSON.stringify({ api: { hosts: { localhost } } }));
  return inventory;
}

/** Runs a playbook from infrastructure/ansible (so its ansible.cfg and roles apply). */
export async function runPlaybook(
  playbook: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<PlaybookRun> {
  const result = await run('ansible-playbook', [`playbooks/${playbook}`, ...args], {
    cwd: ansibleDir,
    env: {
      ...env,
      ANSIBLE_FORCE_COLOR: '0',
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_HOST_KEY_CHECKING: 'False',
    },
  });
  return { ...result, recap: parseRecap(result.stdout) };
}

export function parseRecap(stdout: string): Map<string, Record<string, number>> {
  const recap = new Map<string, Record<string, number>>();
  const section = stdout.split('PLAY RECAP').pop() ?? '';
  for (const line of section.split('\n')) {
    const match = /^(\S+)\s+:\s+(.*)$/.exec(line.trim());
    if (!match?.[1] || !match[2]) continue;
    const counts: Record<string, number> = {};
    for (const pair of match[2].trim().split(/\s+/)) {
      const [key, value] = pair.split('=');
      if (key && value) counts[key] = Number(value);
    }
    recap.set(match[1], counts);
  }
  return recap;
}

/** The output of a run, trimmed to what explains a failure. */
export function explain(result: RunResult): string {
  return `exit ${String(result.code)}\n${result.stdout.slice(-6000)}\n${result.stderr.slice(-2000)}`;
}
