import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/repo.js';

describe('the scripts under .github/scripts', () => {
  const dir = join(repoRoot, '.github', 'scripts');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh'));

  it('are executable, so the workflow can run them by path', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const script of scripts)
      expect(statSync(join(dir, script)).mode & 0o111, script).not.toBe(0);
  });

  it('pass shellcheck, following the files they source', () => {
    // Throws with shellcheck's findings (and fails the test) when there are any.
    execFileSync('shellcheck', ['-x', ...scripts.map((s) => join('.github', 'scripts', s))], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
  });
});
