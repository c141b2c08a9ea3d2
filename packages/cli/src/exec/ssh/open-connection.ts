import { readFile } from 'node:fs/promises';
import ssh2 from 'ssh2';
import type { Client } from 'ssh2';
import { OpsctlError } from '../../errors/opsctl-error.js';
import { hostKeyAlgorithmsFor } from './host-key-algorithms.js';
import {
  fingerprint,
  knownHostsName,
  knownKeyTypes,
  parseKnownHosts,
  verifyHostKey,
  type HostKeyVerdict,
} from './known-hosts.js';
import { sshTargetLabel, type SshTarget } from './ssh-target.js';

/** Keepalive every 15 s; three unanswered ones mean the connection is gone. */
const KEEPALIVE_INTERVAL_MS = 15_000;
const KEEPALIVE_COUNT_MAX = 3;
const READY_TIMEOUT_MS = 20_000;

/**
 * Open and authenticate one SSH connection. The host key must be in the target's known_hosts
 * file (plain, `[host]:port` or hashed entries); unknown or changed keys are refused before any
 * credential is sent. Only key authentication is used.
 */
export async function openConnection(target: SshTarget): Promise<Client> {
  const label = sshTargetLabel(target);
  const knownHosts = parseKnownHosts(
    await readLocalFile(target.knownHostsPath, 'known_hosts file', label),
  );
  const privateKey = await readLocalFile(target.privateKeyPath, 'SSH private key', label);
  const parsedKey = ssh2.utils.parseKey(privateKey);
  if (parsedKey instanceof Error) {
    throw new OpsctlError({
      code: 'SSH_AUTH_FAILED',
      kind: 'user',
      message: `The SSH key ${target.privateKeyPath} cannot be used for ${label}: ${parsedKey.message}.`,
      hint: 'Use an unencrypted OpenSSH or PEM private key reserved for deploys (ssh-keygen -t ed25519 -N "").',
    });
  }
  let verdict: HostKeyVerdict | undefined;
  let offered: Buffer | undefined;
  const client = new ssh2.Client();
  const algorithms = hostKeyAlgorithmsFor(knownKeyTypes(knownHosts, target.host, target.port));
  return new Promise<Client>((resolve, reject) => {
    client.once('ready', () => {
      client.removeAllListeners('error');
      resolve(client);
    });
    client.once('error', (error: Error & { level?: string }) => {
      client.end();
      reject(connectError(target, error, verdict, offered));
    });
    // A server that drops the connection during the handshake sends no error, only a close;
    // without this the attempt would wait forever. (After 'ready' the promise is settled.)
    client.once('close', () => {
      reject(
        connectError(
          target,
          new Error('the connection closed during the handshake'),
          verdict,
          offered,
        ),
      );
    });
    client.connect({
      host: target.host,
      port: target.port,
      username: target.user,
      privateKey,
      tryKeyboard: false,
      keepaliveInterval: KEEPALIVE_INTERVAL_MS,
      keepaliveCountMax: KEEPALIVE_COUNT_MAX,
      readyTimeout: READY_TIMEOUT_MS,
      ...(algorithms ? { algorithms: { serverHostKey: algorithms } } : {}),
      hostVerifier: (key: Buffer) => {
        offered = key;
        verdict = verifyHostKey(knownHosts, target.host, target.port, key);
        return verdict.status === 'trusted';
      },
    });
  });
}

function connectError(
  target: SshTarget,
  error: Error & { level?: string },
  verdict: HostKeyVerdict | undefined,
  offered: Buffer | undefined,
): OpsctlError {
  const label = sshTargetLabel(target);
  const file = target.knownHostsPath;
  const name = knownHostsName(target.host, target.port);
  const print = offered ? fingerprint(offered) : 'unknown';
  if (verdict && verdict.status !== 'trusted') {
    const messages = {
      unknown: `The host key of ${label} (${print}) is not in ${file}.`,
      mismatch: `The host key of ${label} (${print}) does not match the key for ${name} in ${file}. Someone may be intercepting the connection, or the droplet was rebuilt.`,
      revoked: `The host key of ${label} (${print}) is marked @revoked in ${file}.`,
    };
    const hints = {
      unknown: `Check the fingerprint on the droplet, then add it: ssh-keyscan -p ${target.port} ${target.host} >> ${file}`,
      mismatch: `Verify the new key out of band; if the droplet was rebuilt, remove the old entry (ssh-keygen -R '${name}' -f ${file}) and add the new one.`,
      revoked: 'Do not connect; replace the droplet host key.',
    };
    return new OpsctlError({
      code: verdict.status === 'unknown' ? 'SSH_HOST_KEY_UNKNOWN' : 'SSH_HOST_KEY_MISMATCH',
      kind: 'user',
      message: messages[verdict.status],
      hint: hints[verdict.status],
      details: { host: target.host, port: target.port, knownHosts: file, fingerprint: print },
      cause: error,
    });
  }
  if (error.level === 'client-authentication') {
    return new OpsctlError({
      code: 'SSH_AUTH_FAILED',
      kind: 'user',
      message: `${label} refused the key ${target.privateKeyPath} for user ${target.user}.`,
      hint: `Add the matching public key to ~${target.user}/.ssh/authorized_keys on the droplet, or fix ssh.user / ssh.key.`,
      cause: error,
    });
  }
  return new OpsctlError({
    code: 'SSH_CONNECT_FAILED',
    kind: 'external',
    message: `Cannot connect to ${label}: ${error.message}.`,
    hint: 'Check that the droplet is running, the address and port are right and a firewall lets SSH through.',
    cause: error,
  });
}

async function readLocalFile(path: string, what: string, label: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new OpsctlError({
      code: what === 'known_hosts file' ? 'SSH_HOST_KEY_UNKNOWN' : 'FILE_UNREADABLE',
      kind: 'user',
      message: `Cannot read the ${what} ${path} needed for ${label}: ${missing ? 'it does not exist' : String(error)}.`,
      hint:
        what === 'known_hosts file'
          ? 'Create it with the droplet host keys (ssh-keyscan) or point ssh.knownHosts at the right file.'
          : 'Point ssh.key in opsctl.yaml at the deploy private key.',
      cause: error,
    });
  }
}
