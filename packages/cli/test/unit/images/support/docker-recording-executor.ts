import { writeFile } from 'node:fs/promises';
import type { Executor, RunOptions, RunResult } from '../../../../src/exec/executor.js';
import { LocalExecutor } from '../../../../src/exec/local-executor.js';
import type { RemoteCommand } from '../../../../src/exec/remote-command.js';
import { revealArgv } from '../../../../src/exec/shell-quote.js';

/**
 * This machine's executor for build tests: git runs for real (in the test's repository), docker
 * is recorded and answers with `answer` (a build writes the image ID file docker would write).
 */
export class GitRealDockerRecorded implements Executor {
  readonly target = 'local';
  readonly docker: string[][] = [];
  readonly #git = new LocalExecutor();

  constructor(
    private readonly answer: (argv: string[]) => Partial<RunResult> = () => ({}),
    readonly imageId = `sha256:${'1'.repeat(64)}`,
  ) {}

  async run(command: RemoteCommand, options?: RunOptions): Promise<RunResult> {
    const argv = revealArgv(command.argv);
    if (argv[0] === 'git') return this.#git.run(command, options);
    this.docker.push(argv);
    const iid = argv.indexOf('--iidfile');
    if (iid >= 0) await writeFile(argv[iid + 1] ?? '', this.imageId);
    return { exitCode: 0, stdout: '', stderr: '', ...this.answer(argv) };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
