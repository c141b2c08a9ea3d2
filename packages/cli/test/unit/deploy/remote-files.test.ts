import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { useTempDirs } from '../../support/temp-dir.js';
import { describe, expect, it } from 'vitest';
import {
  appendLine,
  readFileIfExists,
  writeFileAtomic,
} from '../../../src/droplet/commands/files.js';
import { LocalExecutor } from '../../../src/exec/local-executor.js';
import { Secret } from '../../../src/secrets/secret.js';

const tempDir = useTempDirs('opsctl-files-');

const exec = new LocalExecutor();

describe('file commands run through a real shell', () => {
  it('writes a file atomically with the mode set before any content lands', async () => {
    const dir = await tempDir();
    const path = join(dir, 'api.env');
    await exec.run(writeFileAtomic(path, new Secret('A=1\n'), '0600'));
    expect(await readFile(path, 'utf8')).toBe('A=1\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await exec.run(writeFileAtomic(path, 'B=2\n', '0644'));
    expect(await readFile(path, 'utf8')).toBe('B=2\n');
    expect((await stat(path)).mode & 0o777).toBe(0o644);
  });

  it('reads nothing from a missing file instead of failing', async () => {
    const dir = await tempDir();
    expect((await exec.run(readFileIfExists(join(dir, 'nope')))).stdout).toBe('');
  });

  it('appends release lines without touching earlier ones', async () => {
    const dir = await tempDir();
    const path = join(dir, 'api', 'releases.jsonl');
    await exec.run(appendLine(path, '{"n":1}'));
    await exec.run(appendLine(path, '{"n":2}'));
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });
});
