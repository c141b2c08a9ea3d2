import type { CliManifest, ManifestCommand, ManifestFlag } from '../manifest/cli-manifest.js';
import { sortedCommands } from '../manifest/load-manifest.js';

export const REFERENCE_HEADER =
  '<!-- Generated from packages/cli/oclif.manifest.json by `pnpm --filter @opsctl/docs-tests docs:commands`. Do not edit by hand. -->';

const spoken = (id: string): string => `opsctl ${id.replaceAll(':', ' ')}`;
const anchor = (id: string): string => spoken(id).replaceAll(' ', '-');
/** Markdown prose: a `<value>` in a description would be read as an HTML tag and vanish. */
const prose = (text: string | undefined): string =>
  (text ?? '').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const cell = (text: string | undefined): string =>
  prose(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const isGlobal = (flag: ManifestFlag): boolean => flag.helpGroup === 'GLOBAL';

/** The global flags, taken from the first command (every command carries them). */
function globalFlags(manifest: CliManifest): ManifestFlag[] {
  const first = sortedCommands(manifest)[0];
  return first === undefined ? [] : Object.values(first.flags).filter(isGlobal);
}

function flagSpelling(flag: ManifestFlag): string {
  const long = flag.allowNo === true ? `--[no-]${flag.name}` : `--${flag.name}`;
  const value = flag.type === 'option' ? ' <value>' : '';
  return `${flag.char === undefined ? '' : `-${flag.char}, `}${long}${value}`;
}

function usage(command: ManifestCommand): string {
  const args = Object.values(command.args).map((a) =>
    a.required === true ? `<${a.name}>` : `[${a.name}]`,
  );
  const flags =
    Object.values(command.flags).filter((f) => !isGlobal(f)).length > 0 ? ['[flags]'] : [];
  return [spoken(command.id), ...args, ...flags].join(' ');
}

function flagRows(flags: readonly ManifestFlag[]): string[] {
  return [
    '| Flag | Default | Environment variable | Description |',
    '| --- | --- | --- | --- |',
    ...flags.map(
      (f) =>
        `| \`${flagSpelling(f)}\` | ${f.default === undefined ? '' : `\`${JSON.stringify(f.default)}\``} | ${f.env === undefined ? '' : `\`${f.env}\``} | ${cell(f.summary ?? f.description)} |`,
    ),
  ];
}

function commandSection(command: ManifestCommand): string[] {
  const args = Object.values(command.args);
  const flags = Object.values(command.flags).filter((f) => !isGlobal(f));
  return [
    `## \`${spoken(command.id)}\``,
    '',
    prose(command.summary),
    ...(command.description === undefined ? [] : ['', prose(command.description)]),
    '',
    '```text',
    usage(command),
    '```',
    ...(args.length === 0
      ? []
      : [
          '',
          '| Argument | Required | Description |',
          '| --- | --- | --- |',
          ...args.map(
            (a) =>
              `| \`${a.name}\` | ${a.required === true ? 'yes' : 'no'} | ${cell(a.description)} |`,
          ),
        ]),
    ...(flags.length === 0 ? [] : ['', ...flagRows(flags)]),
    ...((command.examples ?? []).length === 0
      ? []
      : [
          '',
          'Examples:',
          '',
          '```bash',
          ...(command.examples ?? []).map((e) =>
            (typeof e === 'string' ? e : e.command).replaceAll('<%= config.bin %>', 'opsctl'),
          ),
          '```',
        ]),
    '',
  ];
}

/** A one-line-per-command table linking into docs/commands.md (for the README). */
export function renderCommandIndex(manifest: CliManifest, referencePath: string): string {
  return [
    '| Command | What it does |',
    '| --- | --- |',
    ...sortedCommands(manifest).map(
      (c) => `| [\`${spoken(c.id)}\`](${referencePath}#${anchor(c.id)}) | ${cell(c.summary)} |`,
    ),
  ].join('\n');
}

/** docs/commands.md: every command with its usage, arguments, flags (and their env vars) and examples. */
export function renderCommandReference(manifest: CliManifest): string {
  return [
    '# Command reference',
    '',
    REFERENCE_HEADER,
    '',
    'Run `opsctl <command> --help` for the same text in a terminal. Every flag can also be set',
    'through the environment variable named next to it; a flag on the command line wins.',
    '',
    '## Global flags',
    '',
    'Every command accepts these:',
    '',
    ...flagRows(globalFlags(manifest)),
    '',
    '`--json` prints one JSON document on stdout (the envelope described in',
    '[exit-codes.md](exit-codes.md)); progress and logs go to stderr.',
    '',
    '## Commands',
    '',
    renderCommandIndex(manifest, ''),
    '',
    ...sortedCommands(manifest).flatMap(commandSection),
  ].join('\n');
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`markers ${start} … ${end} not found`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
