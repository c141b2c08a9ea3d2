import { REDACTED, Secret } from './secret.js';

/**
 * Values shorter than this are not masked: masking "1" or "yes" would garble every line of
 * output while protecting nothing. {@link Redactor.add} reports such values as refused.
 */
export const MIN_MASKED_LENGTH = 4;

/** Where GitHub Actions workflow commands (`::add-mask::`) are written. */
export interface MaskCommandSink {
  write(text: string): unknown;
}

export interface RedactorOptions {
  /** When set (under GitHub Actions), each new value is announced once with `::add-mask::`. */
  readonly githubMaskSink?: MaskCommandSink;
}

/**
 * The registry of secret values known to this run. Every output path (results, logs, progress,
 * errors and stacks, JSON) passes its text through {@link Redactor.redact}.
 */
export class Redactor {
  readonly #values = new Set<string>();
  #ordered: string[] = [];
  readonly #githubMaskSink: MaskCommandSink | undefined;

  constructor(options: RedactorOptions = {}) {
    this.#githubMaskSink = options.githubMaskSink;
  }

  /**
   * Remember a secret value so it is masked from now on. Multi-line values are also masked
   * line by line, and their JSON-escaped form is masked so JSON output cannot carry them.
   * Returns false when the value is too short to mask (see {@link MIN_MASKED_LENGTH}).
   */
  add(secret: string | Secret): boolean {
    const value = typeof secret === 'string' ? secret : secret.reveal();
    if (value.length < MIN_MASKED_LENGTH) return false;
    const forms = [value, JSON.stringify(value).slice(1, -1)];
    for (const line of value.split(/\r?\n/)) {
      if (line.length >= MIN_MASKED_LENGTH) forms.push(line, JSON.stringify(line).slice(1, -1));
    }
    const fresh = forms.filter((form) => !this.#values.has(form));
    if (fresh.length === 0) return true;
    for (const form of fresh) this.#values.add(form);
    // Longest first, so a value that contains another is masked whole.
    this.#ordered = [...this.#values].sort((a, b) => b.length - a.length);
    this.#announce(value);
    return true;
  }

  /** Replace every registered value in `text` with `[redacted]`. */
  redact(text: string): string {
    let out = text;
    for (const value of this.#ordered) {
      if (out.includes(value)) out = out.split(value).join(REDACTED);
    }
    return out;
  }

  /** A deep copy of `value` with every string redacted and every {@link Secret} replaced. */
  redactDeep(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value instanceof Secret) return REDACTED;
    if (Array.isArray(value)) return value.map((item: unknown) => this.redactDeep(item));
    if (value instanceof Error) return this.redact(value.message);
    if (value !== null && typeof value === 'object') {
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      const plain: unknown =
        typeof toJSON === 'function' ? (toJSON as () => unknown).call(value) : value;
      if (plain !== value) return this.redactDeep(plain);
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.redactDeep(item)]),
      );
    }
    return value;
  }

  /** How many distinct masked forms are registered (for diagnostics and tests). */
  get size(): number {
    return this.#values.size;
  }

  #announce(value: string): void {
    if (!this.#githubMaskSink) return;
    // GitHub masks per line; a multi-line value needs one command per line. A line shorter than
    // MIN_MASKED_LENGTH (a lone "}" of a JSON value) is not announced: GitHub would then mask that
    // text everywhere in the job's log, garbling it while the value stays masked whole here.
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= MIN_MASKED_LENGTH)
        this.#githubMaskSink.write(`::add-mask::${escapeCommandData(line)}\n`);
    }
  }
}

/** Escape data for a GitHub Actions workflow command, as the runner unescapes it. */
export function escapeCommandData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}
