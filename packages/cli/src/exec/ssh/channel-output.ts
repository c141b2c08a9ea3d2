import { StringDecoder } from 'node:string_decoder';
import type { RunOptions } from '../executor.js';
import { OutputTail } from '../output-tail.js';

type Stream = 'stdout' | 'stderr';

/**
 * Where a channel's output goes: collected for the result (the usual case), handed to
 * `onOutput` as it arrives, or written to the attached terminal. Decoded per stream, so a UTF-8
 * character split across two packets arrives whole.
 */
export class ChannelOutput {
  readonly #options: Pick<RunOptions, 'onOutput' | 'terminal'>;
  readonly #decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  readonly #collected = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  readonly #tail = new OutputTail();

  constructor(options: Pick<RunOptions, 'onOutput' | 'terminal'>) {
    this.#options = options;
  }

  push(stream: Stream, chunk: Buffer): void {
    const { onOutput, terminal } = this.#options;
    if (terminal) {
      // Raw bytes: a terminal draws escape sequences and partial characters itself.
      terminal.output.write(chunk);
      if (stream === 'stderr') this.#tail.push(chunk.toString('utf8'));
    } else if (onOutput) {
      const text = this.#decoders[stream].write(chunk);
      if (stream === 'stderr') this.#tail.push(text);
      if (text !== '') onOutput(stream, text);
    } else {
      this.#collected[stream].push(chunk);
    }
  }

  /** What the result carries: everything when collected, else only the tail of stderr. */
  collected(): { stdout: string; stderr: string } {
    const { onOutput, terminal } = this.#options;
    if (!terminal && onOutput) {
      for (const stream of ['stdout', 'stderr'] as const) {
        const rest = this.#decoders[stream].end();
        if (rest !== '') {
          if (stream === 'stderr') this.#tail.push(rest);
          onOutput(stream, rest);
        }
      }
    }
    if (terminal || onOutput) return { stdout: '', stderr: this.#tail.toString() };
    return {
      stdout: Buffer.concat(this.#collected.stdout).toString('utf8'),
      stderr: Buffer.concat(this.#collected.stderr).toString('utf8'),
    };
  }
}
