/**
 * A one-time signal from one droplet's deploy to the others': opened (go on) or shut (stop),
 * whichever happens first; later calls change nothing.
 */
export class Gate {
  readonly #passed: Promise<boolean>;
  #settle: (open: boolean) => void = () => undefined;

  constructor() {
    this.#passed = new Promise<boolean>((resolve) => {
      this.#settle = resolve;
    });
  }

  open(): void {
    this.#settle(true);
  }

  shut(): void {
    this.#settle(false);
  }

  /** Resolves to true once opened, false once shut. */
  passed(): Promise<boolean> {
    return this.#passed;
  }
}
