/** Stops what a suite started, newest first, even when its setup failed halfway. */
export class Teardown {
  private readonly steps: (() => Promise<void> | void)[] = [];

  /** Registers how to stop something just started, and returns that thing. */
  add<T>(thing: T, stop: (t: T) => Promise<void> | void): T {
    this.steps.push(() => stop(thing));
    return thing;
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step();
  }
}
