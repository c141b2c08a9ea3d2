import { inspect } from 'node:util';

/** What a {@link Secret} shows wherever it is printed, logged or serialised. */
export const REDACTED = '[redacted]';

/**
 * A secret value that cannot print itself. `String(s)`, template literals, `JSON.stringify` and
 * `util.inspect` all give `[redacted]`; only {@link Secret.reveal} returns the value, and only
 * executors (which hand it to a process or an SSH channel) should call it.
 */
export class Secret {
  readonly #value: string;
  /** A name to show instead of the value, e.g. `DATABASE_URL`. Never the value itself. */
  readonly label: string | undefined;

  constructor(value: string, label?: string) {
    this.#value = value;
    this.label = label;
  }

  /** The real value. Call only where it leaves opsctl for its destination. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/** True for a {@link Secret}. */
export function isSecret(value: unknown): value is Secret {
  return value instanceof Secret;
}
