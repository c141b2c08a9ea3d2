// Installs pnpm from its npm registry tarball after checking the tarball's integrity, so the
// build needs neither npm nor corepack in the base image (only node and tar).
// Usage: node install-pnpm.mjs <version> <sha512 integrity from `npm view pnpm@<version> dist.integrity`>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

const [version, integrity] = process.argv.slice(2);
if (!version || !integrity?.startsWith('sha512-')) {
  console.error('usage: node install-pnpm.mjs <version> <sha512-integrity>');
  process.exit(2);
}
const registry = (process.env.NPM_CONFIG_REGISTRY ?? 'https://registry.npmjs.org').replace(
  /\/$/,
  '',
);
const url = `${registry}/pnpm/-/pnpm-${version}.tgz`;
const response = await fetch(url);
if (!response.ok) {
  console.error(`cannot download ${url}: HTTP ${response.status}`);
  process.exit(1);
}
const tarball = Buffer.from(await response.arrayBuffer());
const actual = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
if (actual !== integrity) {
  console.error(
    `pnpm ${version} tarball does not match the pinned integrity; refusing to install it`,
  );
  process.exit(1);
}
writeFileSync('/tmp/pnpm.tgz', tarball);
mkdirSync('/opt/pnpm', { recursive: true });
execFileSync('tar', ['-xzf', '/tmp/pnpm.tgz', '-C', '/opt/pnpm', '--strip-components=1']);
rmSync('/tmp/pnpm.tgz');
writeFileSync('/usr/local/bin/pnpm', '#!/bin/sh\nexec node /opt/pnpm/bin/pnpm.cjs "$@"\n');
chmodSync('/usr/local/bin/pnpm', 0o755);
