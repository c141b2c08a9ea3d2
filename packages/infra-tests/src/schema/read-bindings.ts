import type { BlockSchema } from './block-schema.js';

const TO_TERRAFORM = /^function (\w+ToTerraform)\(struct\) \{$/gm;
const SYNTHESIZE = /^ {4}synthesizeAttributes\(\) \{$/m;
/** `key: expression,` lines of a generated `return { ... }` (four spaces deeper than `return`). */
const ENTRY = /^\s+([a-z0-9_]+): (.*),?$/;
const ATTRIBUTE_READ = /\.(?:get\w*Attribute|interpolationForAttribute)\('([a-z0-9_]+)'\)/g;

/**
 * Reads one generated binding file (lib/<name>/index.js of the prebuilt provider package): the
 * Terraform names of its arguments, nested blocks and readable attributes. The bindings are
 * generated from the provider's own schema, so these names are the provider's.
 */
export function readBinding(
  source: string,
): { type: string; kind: 'resource' | 'data'; schema: BlockSchema } | undefined {
  const type = /\.tfResourceType = "([a-z0-9_]+)";/.exec(source)?.[1];
  if (!type) return undefined;
  const kind = source.includes('extends cdktf.TerraformDataSource') ? 'data' : 'resource';
  const structs = new Map<string, [string, string][]>();
  for (const match of source.matchAll(TO_TERRAFORM)) {
    if (match[1]) structs.set(match[1], returnedEntries(source, match.index));
  }
  const synthesize = SYNTHESIZE.exec(source);
  const top = synthesize ? returnedEntries(source, synthesize.index) : [];
  const attributes = new Set([...source.matchAll(ATTRIBUTE_READ)].map((m) => m[1] ?? ''));
  return { type, kind, schema: toSchema(top, structs, attributes, 0) };
}

function returnedEntries(source: string, from: number): [string, string][] {
  const start = source.indexOf('return {', from);
  const end = source.indexOf('\n    };', start);
  const endAlt = source.indexOf('\n        };', start);
  const stop = [end, endAlt]
    .filter((i) => i > start)
    .reduce((a, b) => Math.min(a, b), source.length);
  return source
    .slice(start, stop)
    .split('\n')
    .slice(1)
    .flatMap((line): [string, string][] => {
      const match = ENTRY.exec(line);
      return match?.[1] && match[2] ? [[match[1], match[2]]] : [];
    });
}

function toSchema(
  entries: [string, string][],
  structs: Map<string, [string, string][]>,
  attributes: Set<string>,
  depth: number,
): BlockSchema {
  const schema: BlockSchema = {
    arguments: new Set(),
    attributes: new Set(attributes),
    blocks: new Map(),
  };
  for (const [name, expression] of entries) {
    const nested = /\b([a-z]\w*ToTerraform)\b/.exec(
      expression.replace(/cdktf\.\w+ToTerraform/g, ''),
    )?.[1];
    const struct = nested ? structs.get(nested) : undefined;
    if (struct && depth < 10)
      schema.blocks.set(name, toSchema(struct, structs, attributes, depth + 1));
    else schema.arguments.add(name);
    schema.attributes.add(name);
  }
  return schema;
}
