import { Command, Flags, type Interfaces } from '@oclif/core';
import { createCommandContext } from './context/create-command-context.js';
import type { CommandContext } from './context/command-context.js';
import { toOpsctlError } from './errors/to-opsctl-error.js';
import { errorEnvelope, githubErrorAnnotation, renderHumanError } from './errors/render-error.js';
import { successEnvelope } from './output/json-envelope.js';
import { Redactor } from './secrets/redactor.js';

export type CommandFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof BaseCommand)['baseFlags'] & T['flags']
>;
export type CommandArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/**
 * The base of every opsctl command. It parses flags, builds the {@link CommandContext} passed to
 * services, prints results (human text or the JSON envelope), and is the one place errors are
 * rendered and turned into the exit code (process.exitCode; nothing calls process.exit).
 *
 * A command declares flags/args and implements `run()` as one call to its service, returning
 * the service's result: that value is the `result` of the `--json` envelope.
 */
export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true;

  /**
   * SIGTERM stops the command the way Ctrl-C does (through the context's signal) instead of
   * ending the process at once: for commands that stream until stopped (`logs --follow`, `exec`)
   * and must stop what they started on the droplet first.
   */
  static stopOnTerminate = false;

  static override baseFlags = {
    config: Flags.string({
      summary: 'Path to opsctl.yaml (default: nearest opsctl.yaml in this or a parent directory).',
      env: 'OPSCTL_CONFIG',
      helpGroup: 'GLOBAL',
    }),
    verbose: Flags.boolean({
      summary: 'Show every remote command and debug detail on stderr.',
      env: 'OPSCTL_VERBOSE',
      helpGroup: 'GLOBAL',
    }),
  };

  protected flags!: CommandFlags<T>;
  protected args!: CommandArgs<T>;
  #context: CommandContext | undefined;
  #redactor: Redactor | undefined;
  #failed = false;
  readonly #abort = new AbortController();
  readonly #onInterrupt = () => {
    this.#abort.abort();
  };

  /**
   * The words oclif parses as flags and arguments: all of them, unless a command passes some
   * through untouched (`exec` runs what follows `--`).
   */
  protected argvToParse(): string[] {
    return this.argv;
  }

  /** The context for services; available inside run(). */
  protected get context(): CommandContext {
    if (!this.#context) throw new Error('the command context is created in init(), before run()');
    return this.#context;
  }

  override async init(): Promise<void> {
    await super.init();
    const { flags, args } = await this.parse(
      {
        flags: this.ctor.flags,
        baseFlags: (this.ctor as typeof BaseCommand).baseFlags,
        enableJsonFlag: this.ctor.enableJsonFlag,
        args: this.ctor.args,
        strict: this.ctor.strict,
      },
      this.argvToParse(),
    );
    this.flags = flags as CommandFlags<T>;
    this.args = args as CommandArgs<T>;
    const loose = { ...flags, ...args } as Record<string, unknown>;
    process.once('SIGINT', this.#onInterrupt);
    if ((this.ctor as typeof BaseCommand).stopOnTerminate)
      process.once('SIGTERM', this.#onInterrupt);
    this.#context = createCommandContext({
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      json: this.jsonEnabled(),
      verbose: flags.verbose,
      dryRun: loose['dry-run'] === true,
      configPath: flags.config,
      environmentArgument: typeof loose.env === 'string' ? loose.env : undefined,
      signal: this.#abort.signal,
      redactor: this.#getRedactor(),
    });
  }

  /**
   * oclif prints the success JSON only for a truthy result; the envelope promises one document
   * on every run, so an empty result is printed as `"result": null`.
   */
  protected override async _run<R>(): Promise<R> {
    const result = await super._run<R>();
    if (!this.#failed && !result && this.jsonEnabled()) {
      this.logJson(this.toSuccessJson(result ?? null));
    }
    return result;
  }

  protected override catch(thrown: Interfaces.CommandError): Promise<void> {
    this.#failed = true;
    const error = toOpsctlError(thrown, this.#abort.signal);
    const redactor = this.#getRedactor();
    if (process.env.GITHUB_ACTIONS === 'true') {
      this.#workflowStream().write(githubErrorAnnotation(error, redactor));
    }
    if (this.jsonEnabled()) {
      this.logJson(errorEnvelope(error, redactor));
    } else {
      // Parsing may have failed before the context existed; then read the flag from argv.
      const verbose = this.#context?.verbose ?? this.argv.includes('--verbose');
      process.stderr.write(renderHumanError(error, { redactor, verbose }));
    }
    process.exitCode = error.exitCode;
    return Promise.resolve();
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    process.removeListener('SIGINT', this.#onInterrupt);
    process.removeListener('SIGTERM', this.#onInterrupt);
    await this.#context?.executors.closeAll();
    await super.finally(error);
  }

  protected override toSuccessJson(result: unknown): unknown {
    return successEnvelope(this.#getRedactor().redactDeep(result));
  }

  /** One JSON document on stdout, never colourised, secrets masked. */
  protected override logJson(json: unknown): void {
    process.stdout.write(`${this.#getRedactor().redact(JSON.stringify(json, null, 2))}\n`);
  }

  // Created on first need (not at import) so errors raised while parsing are masked as well.
  #getRedactor(): Redactor {
    this.#redactor ??= new Redactor(
      process.env.GITHUB_ACTIONS === 'true' ? { githubMaskSink: this.#workflowStream() } : {},
    );
    return this.#redactor;
  }

  /**
   * Workflow commands (::add-mask::, ::error::) go to stdout as GitHub documents, except under
   * --json where stdout must hold only the envelope; the runner reads stderr for them too.
   */
  #workflowStream(): NodeJS.WriteStream {
    return this.jsonEnabled() ? process.stderr : process.stdout;
  }
}
