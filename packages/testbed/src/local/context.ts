import type { LocalCredentials } from './credentials.js';
import type { KeyPaths } from './keys.js';
import type { LocalLayout } from './layout.js';

/** What every part of the local environment needs to start: names, files and credentials. */
export interface LocalContext {
  readonly layout: LocalLayout;
  readonly stateDir: string;
  readonly keys: KeyPaths;
  readonly credentials: LocalCredentials;
  readonly imagesDir: string;
  readonly log: (line: string) => void;
}

/** Labels every object the local environment creates so `down` finds them all. */
export const labelArgs = (ctx: LocalContext): string[] => ['--label', ctx.layout.label];
