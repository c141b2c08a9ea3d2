import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ansibleDir, repoRoot } from '../support/paths.js';
import { renderTemplate, roleDefaults } from '../support/role-template.js';
import { run } from '../support/run.js';

const TEMPLATE = join(ansibleDir, 'roles/ssh_hardening/templates/hardening.conf.j2');
const LOCAL_DROPLET = join(repoRoot, 'packages/testbed/images/droplet/sshd_config');

/** Every way to carry other traffic over an SSH session, each as `sshd -T` prints it when off. */
const NO_FORWARDING = [
  'allowtcpforwarding no',
  'allowstreamlocalforwarding no',
  'allowagentforwarding no',
  'x11forwarding no',
  'permittunnel no',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sshd-forwarding-'));
  const key = await run('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    '',
    '-f',
    join(dir, 'host_key'),
  ]);
  if (key.code !== 0) throw new Error(key.stderr);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The settings sshd applies to `user` with `dropIn` read as Debian reads sshd_config.d, before a
 * main file that, like Debian's, turns X11 forwarding on.
 */
async function effective(name: string, dropIn: string, user: string): Promise<string[]> {
  const include = join(dir, `${name}.conf`);
  await writeFile(include, dropIn.replace(/^(HostKey|AuthorizedKeysFile) .*$/gm, ''));
  const main = join(dir, `${name}-main.conf`);
  await writeFile(
    main,
    `Include ${include}\nHostKey ${join(dir, 'host_key')}\nX11Forwarding yes\nSubsystem sftp /usr/lib/openssh/sftp-server\n`,
  );
  const result = await run('/usr/sbin/sshd', [
    '-T',
    '-f',
    main,
    '-C',
    `user=${user},host=localhost,addr=127.0.0.1`,
  ]);
  if (result.code !== 0) throw new Error(`sshd -T failed for ${name}: ${result.stderr}`);
  return result.stdout.split('\n');
}

describe('sshd on droplets', () => {
  it('lets the deploy user forward nothing, as Ansible provisions it', async () => {
    const vars = await roleDefaults(['opsctl_base', 'opsctl_accounts', 'ssh_hardening']);
    const conf = renderTemplate(await readFile(TEMPLATE, 'utf8'), vars);
    expect(await effective('ansible', conf, 'deploy')).toEqual(
      expect.arrayContaining(NO_FORWARDING),
    );
    // The admin user keeps TCP forwarding (a tunnel to the database for maintenance).
    expect(await effective('ansible', conf, 'ops')).toContain('allowtcpforwarding yes');
  });

  it('lets the deploy user forward nothing on the local droplets either', async () => {
    const conf = await readFile(LOCAL_DROPLET, 'utf8');
    expect(await effective('local', conf, 'deploy')).toEqual(expect.arrayContaining(NO_FORWARDING));
  });
});
