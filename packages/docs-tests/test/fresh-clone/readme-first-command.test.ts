import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRepoFile, repoRoot } from '../support/repo.js';
import {
  engineAnswers,
  firstReadmeCommand,
  newcomerEnvironment,
  runLogged,
} from '../../src/fresh-clone/newcomer.js';

const leftContainers = (): string =>
  engineAnswers()
    ? execFileSync('docker', ['ps', '-aq', '--filter', 'label=opsctl-local'], {
        encoding: 'utf8',
      }).trim()
    : '';

// Kept after the run (the clone is removed): what the command printed, for a failure's story.
const LOG = join(tmpdir(), 'opsctl-fresh-clone.log');

/**
 * What a newcomer does first, on a clone with nothing beside it: no ../shared, no .opsctl/, no
 * Docker engine running (bin/test runs this before it starts one), only the system's Node on
 * PATH. The command has to install and start everything itself and deploy the clone's HEAD.
 */
describe("the README's first command, in a fresh clone with nothing beside it", () => {
  const command = firstReadmeCommand(readRepoFile('README.md'));
  const engineBefore = engineAnswers();
  const env = newcomerEnvironment(process.env);
  let top = '';
  let clone = '';

  afterAll(async () => {
    // Also after a failure: nothing the clone started may outlive the test.
    if (clone !== '' && existsSync(join(clone, 'bin', 'opsctl')))
      await runLogged(['./bin/opsctl', 'local', 'down'], { cwd: clone, env, log: LOG });
    if (top !== '') await rm(top, { recursive: true, force: true });
  });

  it(`${command.join(' ')} deploys the clone's HEAD behind the load balancer; local down removes it all`, async () => {
    await rm(LOG, { force: true });
    top = await mkdtemp(join(tmpdir(), 'opsctl-fresh-'));
    clone = join(top, 'repo');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone]);
    expect(existsSync(join(top, 'shared')), 'nothing beside the clone').toBe(false);
    expect(existsSync(join(clone, '.opsctl')), 'no state folder yet').toBe(false);
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: clone, encoding: 'utf8' });

    const run = await runLogged(command, { cwd: clone, env, log: LOG });
    expect(
      run.code,
      `${command.join(' ')} failed (whole log: ${LOG}):\n${run.output.slice(-6000)}`,
    ).toBe(0);

    const config = parse(readRepoFile('opsctl.yaml')) as {
      environments: { local: { loadBalancer: { url: string } } };
    };
    const answer = await fetch(new URL('/version', config.environments.local.loadBalancer.url));
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { sha?: string }).sha).toBe(head.trim());

    const down = await runLogged(['./bin/opsctl', 'local', 'down'], { cwd: clone, env, log: LOG });
    expect(down.code, down.output).toBe(0);
    expect(leftContainers(), 'containers left by the local environment').toBe('');
    if (!engineBefore) expect(engineAnswers(), 'the Docker engine the command started').toBe(false);
  });
});
