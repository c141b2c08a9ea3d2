import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { makeTempDir } from './temp-dir.js';

/**
 * Credentials of the real shapes that the secret scan (.github/secretlintrc.json) must find,
 * grouped by the rule that finds them. Every value is made at run time, so no source file holds
 * one and the repository's own scan stays clean.
 */
export interface PlantedFile {
  /** File name to plant under; names the case in the scan's report. */
  name: string;
  content: string;
  /** The secret itself: it must never appear in the scan's output. */
  value: string;
}

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = `${UPPER_DIGITS}abcdefghijklmnopqrstuvwxyz`;
const from = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
const hex = (length: number): string => randomBytes(length).toString('hex').slice(0, length);

const file = (name: string, value: string, line = (v: string) => `${v}\n`): PlantedFile => ({
  name,
  content: line(value),
  value,
});

/** A Spaces secret: 43 characters of base64 without padding. */
const spacesSecret = (): string => `${from(ALNUM, 20)}+/${from(ALNUM, 21)}`;

/** An OpenSSH private key from ssh-keygen (Node writes PEM only). */
async function opensshKey(): Promise<string> {
  const { path, remove } = await makeTempDir('opsctl-planted-key-');
  try {
    const key = join(path, 'id');
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    return await readFile(key, 'utf8');
  } finally {
    await remove();
  }
}

/** PEM private keys as TLS tools write them: PKCS#1 RSA, SEC1 P-256, PKCS#8 Ed25519. */
function pemKeys(): PlantedFile[] {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const ed = generateKeyPairSync('ed25519').privateKey;
  return [
    file('tls-rsa.pem', String(rsa.export({ type: 'pkcs1', format: 'pem' })), (v) => v),
    file('tls-ec.pem', String(ec.export({ type: 'sec1', format: 'pem' })), (v) => v),
    file('tls-ed25519.pem', String(ed.export({ type: 'pkcs8', format: 'pem' })), (v) => v),
  ];
}

/** The families of credentials, each with every shape its rule must catch. */
export async function plantedCredentials(): Promise<Record<string, PlantedFile[]>> {
  const dbPassword = (): string => from(ALNUM, 20);
  return {
    'DigitalOcean API token': ['dop', 'doo', 'dor'].map((kind) =>
      file(`${kind}.env`, `${kind}_v1_${hex(64)}`, (v) => `DIGITALOCEAN_TOKEN=${v}\n`),
    ),
    'DigitalOcean Spaces key': [
      file('spaces-key-id.txt', `DO${from(UPPER_DIGITS, 18)}`, (v) => `access key: ${v}\n`),
      file('spaces.env', spacesSecret(), (v) => `SPACES_SECRET_ACCESS_KEY=${v}\n`),
      file('spaces.tf', spacesSecret(), (v) => `spaces_secret_key = "${v}"\n`),
    ],
    'AWS access key id': ['AKIA', 'ASIA'].map((kind) =>
      file(`${kind.toLowerCase()}.txt`, `${kind}${from(UPPER_DIGITS, 16)}`, (v) => `id ${v}\n`),
    ),
    'Vercel token': [
      file('vercel.env', from(ALNUM, 24), (v) => `VERCEL_TOKEN=${v}\n`),
      file('vercel.yml', from(ALNUM, 24), (v) => `opsctl_vercel_token: "${v}"\n`),
    ],
    'GitHub token': [
      ...['ghp', 'gho', 'ghu', 'ghs', 'ghr'].map((kind) =>
        file(`${kind}.txt`, `${kind}_${from(ALNUM, 36)}`, (v) => `token: ${v}\n`),
      ),
      file('github-pat.txt', `github_pat_${from(ALNUM, 22)}_${from(ALNUM, 59)}`),
    ],
    'private key': [...pemKeys(), file('id_ed25519', await opensshKey(), (v) => v)],
    'database URL with a password': ['postgres', 'postgresql', 'mysql', 'redis', 'rediss'].map(
      (scheme) =>
        file(
          `${scheme}.env`,
          dbPassword(),
          (v) => `URL=${scheme}://app:${v}@db.internal:5432/app\n`,
        ),
    ),
  };
}

/**
 * What docs and examples write instead of a value: none of these may be flagged, or every
 * runbook would need an exception.
 */
export const placeholders = [
  'DIGITALOCEAN_TOKEN=dop_v1_...',
  'export DIGITALOCEAN_TOKEN=<your token>',
  'VERCEL_TOKEN: ${{ secrets.VERCEL_TOKEN }}',
  'run: vercel deploy --token "$VERCEL_TOKEN"',
  'SPACES_SECRET_ACCESS_KEY: ${{ secrets.SPACES_SECRET_ACCESS_KEY }}',
  'REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379/0',
  'REDIS_URL=redis://redis:6379/0',
  'DATABASE_URL=postgres://user:password@host:5432/db',
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  '...',
  '-----END OPENSSH PRIVATE KEY-----',
  'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
].join('\n');
