import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER = fileURLToPath(new URL('../../bin/opsctl.js', import.meta.url));

async function opsctl(args: readonly string[]) {
  return execa(process.execPath, [LAUNCHER, ...args], {
    cwd: PACKAGE_DIR,
    reject: false,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' },
    extendEnv: false,
  });
}

// turbo builds this package before its tests (turbo.json): dist and the manifest are current.
// Rebuilding here would rewrite the manifest while other packages' tests read it.
describe('the plugin manifest (oclif.manifest.json)', () => {
  it('declares local up, down and status with their flags and the global ones', async () => {
    const manifest = JSON.parse(await readFile(`${PACKAGE_DIR}oclif.manifest.json`, 'utf8')) as {
      commands: Record<string, { flags: Record<string, unknown> }>;
    };
    expect(Object.keys(manifest.commands).sort()).toEqual([
      'local:down',
      'local:init',
      'local:status',
      'local:up',
    ]);
    expect(Object.keys(manifest.commands['local:up']?.flags ?? {})).toEqual(
      expect.arrayContaining(['droplets', 'contract', 'config', 'json', 'verbose']),
    );
  });

  it('answers the core hook that runs before `deploy local`', async () => {
    const pjson = JSON.parse(await readFile(`${PACKAGE_DIR}package.json`, 'utf8')) as {
      oclif: { hooks: Record<string, string> };
    };
    const { LOCAL_ENVIRONMENT_HOOK } = await import('@opsctl/cli');
    const target = pjson.oclif.hooks[LOCAL_ENVIRONMENT_HOOK];
    expect(target).toBe('./dist/hooks/local-environment.js');
    const hook = (await import(`${PACKAGE_DIR}${target ?? ''}`)) as { default: unknown };
    expect(typeof hook.default).toBe('function');
  });
});

describe("this checkout's opsctl (bin/opsctl.js)", () => {
  it('has the core commands, the plugins command and the local topic', async () => {
    const help = await opsctl(['--help']);
    expect(help.exitCode).toBe(0);
    for (const topic of ['deploy', 'rollback', 'plugins', 'local']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${topic}\\s`, 'm'));
    }
    const local = await opsctl(['local', '--help']);
    for (const command of ['local down', 'local init', 'local status', 'local up']) {
      expect(local.stdout).toContain(command);
    }
  });
});
