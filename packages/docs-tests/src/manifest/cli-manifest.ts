/** The parts of oclif.manifest.json that say how a command line parses. */
export interface ManifestFlag {
  readonly name: string;
  readonly type: 'boolean' | 'option';
  readonly char?: string;
  /** A boolean flag that also accepts `--no-<name>`. */
  readonly allowNo?: boolean;
  /** An option flag that may be given more than once. */
  readonly multiple?: boolean;
  readonly summary?: string;
  readonly description?: string;
  readonly env?: string;
  readonly default?: unknown;
  readonly helpGroup?: string;
  readonly options?: readonly string[];
}

export interface ManifestArg {
  readonly name: string;
  readonly required?: boolean;
  readonly description?: string;
}

export interface ManifestCommand {
  readonly id: string;
  readonly summary?: string;
  readonly description?: string;
  /** Strings for opsctl's own commands; oclif's plugin commands also give `{ command, description }`. */
  readonly examples?: readonly (string | { readonly command: string })[];
  /** The package that brings the command: @opsctl/cli, @opsctl/plugin-local, @oclif/plugin-plugins. */
  readonly pluginName?: string;
  readonly args: Readonly<Record<string, ManifestArg>>;
  readonly flags: Readonly<Record<string, ManifestFlag>>;
  readonly strict?: boolean;
}

export interface CliManifest {
  readonly version: string;
  readonly commands: Readonly<Record<string, ManifestCommand>>;
}
