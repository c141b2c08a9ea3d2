/** A semantic version (semver.org 2.0.0) as git tags carry it: `v1.2.3`, `1.2.3-rc.1+build.5`. */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Dot-separated pre-release identifiers; empty for a release. */
  readonly prerelease: readonly string[];
  readonly build: string | undefined;
  /** The text it was parsed from, without a leading `v`. */
  readonly text: string;
}

const NUMBER = '(0|[1-9]\\d*)';
const IDENT = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const SEMVER = new RegExp(
  `^v?${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`,
);

/** Parses `1.2.3` or `v1.2.3` (with optional pre-release and build); undefined for anything else. */
export function parseSemVer(text: string): SemVer | undefined {
  const m = SEMVER.exec(text.trim());
  if (m === null) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] === undefined ? [] : m[4].split('.'),
    build: m[5],
    text: text.trim().replace(/^v/, ''),
  };
}

/** Semver precedence: negative when a < b. Build metadata does not count. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  // A release ranks above any of its pre-releases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifier(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

function compareIdentifier(x: string, y: string): number {
  const xNum = /^\d+$/.test(x);
  const yNum = /^\d+$/.test(y);
  if (xNum && yNum) return Number(x) - Number(y);
  if (xNum !== yNum) return xNum ? -1 : 1; // numeric identifiers rank lower
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The highest semantic version among git tag names; other tags are ignored. */
export function highestSemVer(tags: readonly string[]): SemVer | undefined {
  let best: SemVer | undefined;
  for (const tag of tags) {
    const parsed = parseSemVer(tag);
    if (parsed !== undefined && (best === undefined || compareSemVer(parsed, best) > 0))
      best = parsed;
  }
  return best;
}
