import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript } from './support/run-script.js';

// A made-up key body: the script only checks the PEM frame and must never print the content.
const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAdGVzdC1vbmx5LW5vdC1hLXJlYWwta2V5\n-----END OPENSSH PRIVATE KEY-----';
const HOSTS =
  'droplet-1.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRlc3Q\ndroplet-2.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRlc3Z';

describe('.github/scripts/install-deploy-key.sh', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'opsctl-deploy-key-'));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('writes the key with mode 0600 and the host keys where opsctl.yaml expects them, printing neither key', async () => {
    const result = await runScript('install-deploy-key.sh', [], {
      HOME: home,
      OPSCTL_DEPLOY_KEY: KEY,
      OPSCTL_KNOWN_HOSTS: HOSTS,
    });
    expect(result.code).toBe(0);
    expect(await readFile(join(home, '.ssh', 'opsctl_deploy'), 'utf8')).toBe(`${KEY}\n`);
    expect((await stat(join(home, '.ssh', 'opsctl_deploy'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(home, '.ssh', 'known_hosts'), 'utf8')).toBe(`${HOSTS}\n`);
    expect(result.stdout).toContain('2 host key line(s)');
    expect(result.stdout + result.stderr).not.toContain('b3BlbnNzaC1rZXktdjEAAAAAdGVzdC1vbmx5');
  });

  it('refuses an empty key, says which secret to set, and writes nothing', async () => {
    const result = await runScript('install-deploy-key.sh', [], {
      HOME: home,
      OPSCTL_DEPLOY_KEY: '',
      OPSCTL_KNOWN_HOSTS: HOSTS,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OPSCTL_DEPLOY_KEY is empty');
    expect(existsSync(join(home, '.ssh'))).toBe(false);
  });

  it('refuses a value that is not a private key without echoing it', async () => {
    const result = await runScript('install-deploy-key.sh', [], {
      HOME: home,
      OPSCTL_DEPLOY_KEY: 'hunter2-not-a-key',
      OPSCTL_KNOWN_HOSTS: HOSTS,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('does not hold a private key');
    expect(result.stderr).not.toContain('hunter2');
    expect(existsSync(join(home, '.ssh'))).toBe(false);
  });

  it('refuses to run without host keys, since opsctl only talks to droplets it knows', async () => {
    const result = await runScript('install-deploy-key.sh', [], {
      HOME: home,
      OPSCTL_DEPLOY_KEY: KEY,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OPSCTL_KNOWN_HOSTS is empty');
    expect(existsSync(join(home, '.ssh'))).toBe(false);
  });
});

describe('.github/scripts/backup-database.sh', () => {
  it('refuses a malformed environment name before doing anything', async () => {
    const result = await runScript('backup-database.sh', ['../prod'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: backup-database.sh <environment>');
  });

  it('names the inventory file to create when the environment has none', async () => {
    const result = await runScript('backup-database.sh', ['nowhere'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('create infrastructure/ansible/inventory/nowhere.yml');
  });
});
