import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansibleDir } from '../support/paths.js';
import { run } from '../support/run.js';

const STATIC_INVENTORIES = [
  'inventory/dev.yml',
  'inventory/staging.yml',
  'inventory/production.yml',
];
const env = { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_FORCE_COLOR: '0' };

async function playbooks(): Promise<string[]> {
  return (await readdir(join(ansibleDir, 'playbooks'))).filter((n) => n.endsWith('.yml')).sort();
}

// ansible-playbook and ansible-lint start Python per run: minutes on two busy cores.
const ANSIBLE_RUNS = { timeout: 300_000 };

describe('the Ansible playbooks', () => {
  it('are the five the runbooks name', async () => {
    expect(await playbooks()).toEqual([
      'backup.yml',
      'database-grants.yml',
      'restore-test.yml',
      'setup-api.yml',
      'update-api.yml',
    ]);
  });

  it(
    'pass ansible-playbook --syntax-check with each environment inventory',
    ANSIBLE_RUNS,
    async () => {
      for (const inventory of STATIC_INVENTORIES) {
        for (const playbook of await playbooks()) {
          const result = await run(
            'ansible-playbook',
            ['--syntax-check', '-i', inventory, `playbooks/${playbook}`],
            { cwd: ansibleDir, env },
          );
          expect(result.code, `${playbook} with ${inventory}: ${result.stderr}`).toBe(0);
        }
      }
    },
  );

  it('pass ansible-lint with the production profile', ANSIBLE_RUNS, async () => {
    const result = await run('ansible-lint', ['--nocolor', 'playbooks/'], { cwd: ansibleDir, env });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain('Passed with production profile');
  });

  it('pass yamllint', async () => {
    const result = await run('yamllint', ['-f', 'parsable', '.'], { cwd: ansibleDir, env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('fail the syntax check when a playbook is broken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opsctl-ansible-'));
    try {
      await cp(ansibleDir, dir, { recursive: true });
      await writeFile(
        join(dir, 'playbooks', 'setup-api.yml'),
        '- name: Broken\n  hosts: api\n  roles:\n    - role: no_such_role\n',
      );
      const result = await run(
        'ansible-playbook',
        ['--syntax-check', '-i', 'inventory/dev.yml', 'playbooks/setup-api.yml'],
        { cwd: dir, env },
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("the role 'no_such_role' was not found");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ship a daemon helper and an env file helper that pass shellcheck', async () => {
    const result = await run('shellcheck', [
      join(ansibleDir, 'roles/opsctl_base/files/opsctl-service'),
      join(ansibleDir, 'roles/opsctl_layout/files/opsctl-env'),
    ]);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });
});
