import { configJsonSchema } from './json-schema.js';

/** The subset of JSON Schema the generated config schema uses. */
interface SchemaNode {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
}

interface Row {
  readonly key: string;
  readonly type: string;
  readonly required: boolean;
  readonly defaultValue: unknown;
  readonly description: string;
}

const INTRO = `opsctl reads \`opsctl.yaml\` from the current directory or the nearest parent directory
(or the file given with \`--config\` / \`OPSCTL_CONFIG\`). Run \`opsctl config validate\` to check it:
every problem is listed at once with its path and line.

- Unknown keys are errors (a typo is never silently ignored).
- Relative paths resolve against the directory of \`opsctl.yaml\`; \`~\` is the home directory.
- Durations are a whole number and a unit: \`500ms\`, \`30s\`, \`5m\`, \`1h\`.
- \`<name>\` stands for a name you choose (service or environment): lower-case letters, digits, \`-\`.
- Secret values never go in this file; \`environments.<name>.secrets\` only declares their names.
- Editors can validate with the JSON Schema in \`packages/cli/schema/opsctl.schema.json\`.`;

/** docs/configuration.md, generated from the schema so it cannot drift from it. */
export function configReferenceMarkdown(): string {
  const rows: Row[] = [];
  const root: SchemaNode = configJsonSchema();
  collect(root, '', true, rows);
  const table = [
    '| Key | Type | Required | Default | Description |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| \`${row.key}\` | ${cell(row.type)} | ${row.required ? 'yes' : ''} | ${
          row.defaultValue === undefined ? '' : `\`${JSON.stringify(row.defaultValue)}\``
        } | ${cell(row.description)} |`,
    ),
  ];
  return [
    '# Configuration reference: opsctl.yaml',
    '',
    '<!-- Generated from packages/cli/src/config/schema by `pnpm --filter @opsctl/cli docs:config`. Do not edit by hand. -->',
    '',
    INTRO,
    '',
    '## Keys',
    '',
    ...table,
    '',
  ].join('\n');
}

function collect(node: SchemaNode, path: string, required: boolean, rows: Row[]): void {
  if (path !== '') {
    rows.push({
      key: path,
      type: typeOf(node),
      required,
      defaultValue: node.default,
      description: node.description ?? '',
    });
  }
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    collect(
      child,
      path === '' ? key : `${path}.${key}`,
      node.required?.includes(key) ?? false,
      rows,
    );
  }
  if (typeof node.additionalProperties === 'object' && node.additionalProperties.properties) {
    collect(node.additionalProperties, `${path}.<name>`, true, rows);
  }
  if (node.items?.properties) collect(node.items, `${path}[]`, true, rows);
  // A union (a secret target: a word or an object) documents the keys of its object forms.
  for (const branch of node.items?.anyOf ?? []) {
    for (const [key, child] of Object.entries(branch.properties ?? {}))
      collect(child, `${path}[].${key}`, branch.required?.includes(key) ?? false, rows);
  }
}

function typeOf(node: SchemaNode): string {
  if (node.anyOf) return node.anyOf.map(typeOf).join(' or ');
  if (node.enum) return node.enum.map((value) => JSON.stringify(value)).join(' or ');
  if (node.type === 'array') return `list of ${node.items ? typeOf(node.items) : 'any'}`;
  if (node.type === 'object' && typeof node.additionalProperties === 'object') {
    return node.additionalProperties.properties
      ? 'map of name to object'
      : `map of name to ${typeOf(node.additionalProperties)}`;
  }
  return node.type ?? 'any';
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
