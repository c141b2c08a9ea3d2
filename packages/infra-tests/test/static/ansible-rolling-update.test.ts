import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ansibleDir } from '../support/paths.js';

interface Task {
  name?: string;
  check_mode?: boolean;
  'ansible.builtin.apt'?: { update_cache?: boolean; upgrade?: string };
}

describe('rolling_update', () => {
  it('refreshes the package lists for real before it asks apt, in check mode, what would upgrade', async () => {
    const tasks = parse(
      await readFile(join(ansibleDir, 'roles/rolling_update/tasks/main.yml'), 'utf8'),
    ) as Task[];
    const check = tasks.findIndex(
      (t) => t.check_mode === true && t['ansible.builtin.apt']?.upgrade !== undefined,
    );
    const refresh = tasks.findIndex(
      (t) => t['ansible.builtin.apt']?.update_cache === true && t.check_mode === false,
    );
    expect(check, 'the check-mode upgrade task').toBeGreaterThanOrEqual(0);
    expect(refresh, 'a refresh that runs even under --check').toBeGreaterThanOrEqual(0);
    expect(refresh).toBeLessThan(check);
  });
});
