import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireTool, run } from '../support/run.js';
import { terraformDir } from '../support/paths.js';

beforeAll(async () => {
  await requireTool(
    'terraform',
    ['version'],
    'install Terraform >= 1.10 (HashiCorp publishes it outside Debian)',
  );
});

describe('terraform fmt', () => {
  it('finds every .tf and .tfvars file under infrastructure/terraform formatted', async () => {
    const result = await run('terraform', ['fmt', '-check', '-recursive', '-diff', terraformDir]);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails the check on a misformatted file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opsctl-tf-fmt-'));
    try {
      await cp(join(terraformDir, 'modules', 'storage'), dir, { recursive: true });
      await writeFile(join(dir, 'extra.tf'), 'locals {\nx=1\n    y = 2\n}\n');
      const result = await run('terraform', ['fmt', '-check', '-recursive', dir]);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toContain('extra.tf');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
