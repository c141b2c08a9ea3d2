import { Chalk } from 'chalk';
import type { ColorLevel } from './color-level.js';

type Style = (text: string) => string;

/** The colours progress uses for a status, one chalk instance per run at its {@link ColorLevel}. */
export interface Palette {
  readonly running: Style;
  readonly done: Style;
  readonly skipped: Style;
  readonly failed: Style;
  /** Timestamps and durations: there to read, not to catch the eye. */
  readonly dim: Style;
}

export function createPalette(level: ColorLevel): Palette {
  const chalk = new Chalk({ level });
  return {
    running: (text) => chalk.cyan(text),
    done: (text) => chalk.green(text),
    skipped: (text) => chalk.yellow(text),
    failed: (text) => chalk.red(text),
    dim: (text) => chalk.dim(text),
  };
}
