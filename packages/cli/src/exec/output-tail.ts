/** How much of a streamed command's stderr is kept for its failure message. */
const TAIL_BYTES = 4096;

/**
 * The last few KB of a text stream. A streamed command's output is not collected, yet a failure
 * message still needs the reason it printed last.
 */
export class OutputTail {
  #text = '';

  push(chunk: string): void {
    this.#text = (this.#text + chunk).slice(-TAIL_BYTES);
  }

  toString(): string {
    return this.#text;
  }
}
