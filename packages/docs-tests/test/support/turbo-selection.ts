import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GIT_IDENTITY = ['-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci'];

/** A throw-away clone of the repository in which one file at a time is changed and committed. */
export interface ScratchClone {
  dir: string;
  /** The tasks the workflow's turbo call selects after appending `text` to `path` (one commit). */
  selectedAfterChanging: (path: string, text: string) => Promise<string[]>;
  cleanup: () => Promise<void>;
}

/**
 * Clones the checkout's HEAD, then commits the working tree's turbo.json files on top so the
 * configuration under test is the one on disk, committed or not.
 */
export async function scratchClone(repoRoot: string, turboFiles: string[]): Promise<ScratchClone> {
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-turbo-'));
  const git = (...args: string[]) => run('git', [...GIT_IDENTITY, ...args], { cwd: dir });
  await run('git', ['clone', '-q', '--no-local', repoRoot, dir]);
  for (const file of turboFiles) await cp(join(repoRoot, file), join(dir, file));
  await git('add', '-A');
  await git('commit', '-q', '--allow-empty', '-m', 'base');
  const base = (await git('rev-parse', 'HEAD')).stdout.trim();
  const turbo = join(repoRoot, 'node_modules', '.bin', 'turbo');
  return {
    dir,
    async selectedAfterChanging(path, text) {
      await git('checkout', '-q', '-B', 'change', base);
      if (text === '') await writeFile(join(dir, path), '');
      else await appendFile(join(dir, path), text);
      await git('commit', '-q', '-am', `change ${path}`);
      // The command the workflow runs, as a dry run: what --affected picks, nothing executed.
      const { stdout } = await run(
        turbo,
        ['run', 'test', 'test:integration', '--affected', '--dry=json'],
        {
          cwd: dir,
          env: {
            ...process.env,
            TURBO_SCM_BASE: base,
            TURBO_SCM_HEAD: 'HEAD',
            TURBO_TELEMETRY_DISABLED: '1',
          },
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      const plan = JSON.parse(stdout) as {
        tasks: { taskId: string; task: string; command: string }[];
      };
      return plan.tasks
        .filter((t) => t.task.startsWith('test') && t.command !== '<NONEXISTENT>')
        .map((t) => t.taskId)
        .sort();
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
