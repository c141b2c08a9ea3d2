import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** One usable line of an OpenSSH known_hosts file. */
export interface KnownHostEntry {
  readonly revoked: boolean;
  /** Host patterns (`host`, `[host]:port`, wildcards, `!negations`), or a hashed name. */
  readonly patterns: readonly string[];
  readonly hashed: { readonly salt: Buffer; readonly hash: Buffer } | undefined;
  readonly keyType: string;
  readonly key: Buffer;
  /** 1-based line number, for messages. */
  readonly line: number;
}

/**
 * Parse known_hosts text. Comments, blank lines, `@cert-authority` lines (host certificates
 * are not supported) and malformed lines are skipped, as OpenSSH skips what it cannot use.
 */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const words = raw.trim().split(/\s+/);
    const first = words[0] ?? '';
    if (first === '' || first.startsWith('#')) return;
    const marker = first.startsWith('@') ? first : undefined;
    if (marker !== undefined && marker !== '@revoked') return;
    const [hosts, keyType, keyBase64] = marker === undefined ? words : words.slice(1);
    if (hosts === undefined || keyType === undefined || keyBase64 === undefined) return;
    const key = Buffer.from(keyBase64, 'base64');
    if (key.length === 0) return;
    entries.push({
      revoked: marker === '@revoked',
      patterns: hosts.split(','),
      hashed: parseHashed(hosts),
      keyType,
      key,
      line: index + 1,
    });
  });
  return entries;
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Whether an entry applies to `host` on `port`. */
export function entryMatches(entry: KnownHostEntry, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  if (entry.hashed) {
    const actual = createHmac('sha1', entry.hashed.salt).update(name).digest();
    return actual.length === entry.hashed.hash.length && timingSafeEqual(actual, entry.hashed.hash);
  }
  let matched = false;
  for (const pattern of entry.patterns) {
    const negated = pattern.startsWith('!');
    if (globMatches(negated ? pattern.slice(1) : pattern, name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

export type HostKeyVerdict =
  | { readonly status: 'trusted' }
  | { readonly status: 'unknown' }
  | { readonly status: 'mismatch'; readonly lines: readonly number[] }
  | { readonly status: 'revoked'; readonly line: number };

/** Check the key a server presented against the entries for that host. */
export function verifyHostKey(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
  key: Buffer,
): HostKeyVerdict {
  const forHost = entries.filter((entry) => entryMatches(entry, host, port));
  const revoked = forHost.find((entry) => entry.revoked && entry.key.equals(key));
  if (revoked) return { status: 'revoked', line: revoked.line };
  const trusted = forHost.filter((entry) => !entry.revoked);
  if (trusted.some((entry) => entry.key.equals(key))) return { status: 'trusted' };
  if (trusted.length === 0) return { status: 'unknown' };
  return { status: 'mismatch', lines: trusted.map((entry) => entry.line) };
}

/** Key types listed for a host, so the client asks the server for one of those. */
export function knownKeyTypes(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
): string[] {
  const types = entries
    .filter((entry) => !entry.revoked && entryMatches(entry, host, port))
    .map((entry) => entry.keyType);
  return [...new Set(types)];
}

/** OpenSSH's fingerprint format: `SHA256:` and unpadded base64 of the key's SHA-256. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

function parseHashed(hosts: string): KnownHostEntry['hashed'] {
  const match = /^\|1\|([^|]+)\|([^|]+)$/.exec(hosts);
  if (!match?.[1] || !match[2]) return undefined;
  return { salt: Buffer.from(match[1], 'base64'), hash: Buffer.from(match[2], 'base64') };
}

function globMatches(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${regex}$`, 'i').test(name);
}
