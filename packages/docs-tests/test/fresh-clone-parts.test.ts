import { describe, expect, it } from 'vitest';
import { firstReadmeCommand, newcomerEnvironment } from '../src/fresh-clone/newcomer.js';
import { splitIntoParts } from '../src/fresh-clone/run-parts.js';
import { readRepoFile } from './support/repo.js';

describe('the fresh-clone check and bench:fresh', () => {
  it("take the README's first command as it is written", () => {
    expect(firstReadmeCommand(readRepoFile('README.md'))).toEqual([
      './bin/opsctl',
      'deploy',
      'local',
    ]);
    expect(() => firstReadmeCommand('# no shell block\n')).toThrow(/no command/);
  });

  it("run it without this checkout's Node, package binaries or the workspace's variables", () => {
    const env = newcomerEnvironment({
      PATH: '/work/repo/.tools/node/bin:/work/repo/node_modules/.bin:/usr/local/bin:/usr/bin',
      HOME: '/root',
      CI: 'true',
      npm_config_user_agent: 'pnpm',
      OPSCTL_LOCAL_CONTRACT: '/x.yaml',
      VITEST_WORKER_ID: '1',
      NODE_OPTIONS: '--conditions=development',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
    });
    expect(env).toEqual({
      PATH: '/usr/local/bin:/usr/bin',
      HOME: '/root',
      CI: 'true',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
    });
  });

  it('split a run into its parts at the lines that start the next one', () => {
    const lines = [
      { at: 0.1, text: 'opsctl setup: building the workspace' },
      { at: 20, text: 'bringing the local environment up (first time: builds its images)' },
      { at: 200, text: 'building and pushing the image of HEAD' },
      { at: 260, text: 'pushing registry.opsctl.local:5443/opsctl/api:abc' },
      { at: 270, text: 'Deploying api abc to local (droplet-1, droplet-2)' },
    ];
    expect(splitIntoParts(lines, 300).map((p) => Math.round(p.seconds))).toEqual([
      20, 180, 60, 10, 30,
    ]);
  });

  it('give no time to a part whose line never shows (the environment was up already)', () => {
    const lines = [
      { at: 0.4, text: 'local environment is up' },
      { at: 0.4, text: 'building and pushing the image of HEAD' },
      { at: 30, text: 'pushing r/api:def' },
      { at: 31, text: 'Deploying api def to local (droplet-1)' },
    ];
    expect(splitIntoParts(lines, 50).map((p) => Math.round(p.seconds * 10) / 10)).toEqual([
      0.4, 0, 29.6, 1, 19,
    ]);
  });
});
