/**
 * Undo steps registered as set-up makes things. All run, newest first, even when one fails (or
 * set-up stopped halfway); failures are reported together at the end.
 */
export class Cleanups {
  readonly #steps: (() => Promise<void>)[] = [];

  add(...steps: (() => Promise<void>)[]): void {
    this.#steps.push(...steps);
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const step of this.#steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0)
      throw new AggregateError(errors, `${errors.length} clean-up step(s) failed`);
  }
}
