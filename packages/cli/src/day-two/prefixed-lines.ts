import type { Redactor } from '../secrets/redactor.js';

export type LineSink = (line: string) => void;

/**
 * Turns chunks of a stream into whole lines, each prefixed (`droplet-1 | `) and masked. A chunk
 * may end mid-line (and mid-secret): the rest waits for the next chunk, so a secret split across
 * two packets is still masked whole.
 */
export class PrefixedLines {
  readonly #prefix: string;
  readonly #redactor: Redactor;
  readonly #sink: LineSink;
  #pending = '';

  constructor(prefix: string, redactor: Redactor, sink: LineSink) {
    this.#prefix = prefix;
    this.#redactor = redactor;
    this.#sink = sink;
  }

  push(chunk: string): void {
    const lines = (this.#pending + chunk).split('\n');
    this.#pending = lines.pop() ?? '';
    for (const line of lines) this.#emit(line);
  }

  /** The last line when the stream ended without a newline. */
  flush(): void {
    if (this.#pending !== '') this.#emit(this.#pending);
    this.#pending = '';
  }

  #emit(line: string): void {
    this.#sink(`${this.#prefix}${this.#redactor.redact(line.replace(/\r$/, ''))}`);
  }
}
