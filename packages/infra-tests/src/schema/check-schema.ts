import type { Problem } from '../problem.js';
import type { TerraformDirectory } from '../terraform/directory.js';
import { isBody, type HclBody } from '../terraform/hcl.js';
import type { BlockSchema, ProviderSchema } from './block-schema.js';

/** Terraform's own arguments and blocks, valid in every resource and data block. */
const META = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
]);
/** `digitalocean_x.name.attr`, `digitalocean_x.name[0].attr`, `data.digitalocean_x.name[*].attr`. */
const REFERENCE =
  /\b(data\.)?(digitalocean_[a-z0-9_]+)\.([a-z0-9_]+)(?:\[[^\]]*\])?\.([a-z0-9_]+)/g;

/**
 * Every resource and data source type, argument and nested block in the directory, and every
 * attribute its expressions read from one, checked against the provider's schema: what
 * `terraform validate` would catch, without downloading the provider.
 */
export function checkSchema(
  where: string,
  dir: TerraformDirectory,
  provider: ProviderSchema,
): Problem[] {
  const problems: Problem[] = [];
  const kinds = [
    { prefix: '', blocks: dir.resources, schemas: provider.resources },
    { prefix: 'data.', blocks: dir.dataSources, schemas: provider.dataSources },
  ];
  for (const { prefix, blocks, schemas } of kinds) {
    for (const block of blocks) {
      const address = `${prefix}${block.type}.${block.name}`;
      const schema = schemas.get(block.type);
      if (!schema) {
        problems.push({
          where,
          address,
          message: `is not a ${prefix ? 'data source' : 'resource'} type of DigitalOcean provider ${provider.version}`,
        });
        continue;
      }
      checkBody(block.body, schema, true, (path, message) =>
        problems.push({ where, address: `${address}${path}`, message }),
      );
    }
  }
  for (const [file, text] of dir.texts) {
    for (const match of text.matchAll(REFERENCE)) {
      const [expression, data, type = '', , attribute = ''] = match;
      const schema = (data ? provider.dataSources : provider.resources).get(type);
      if (schema && !schema.attributes.has(attribute))
        problems.push({
          where,
          address: `${file}: ${expression}`,
          message: `reads ${attribute}, which ${type} does not have in provider ${provider.version}`,
        });
    }
  }
  return problems;
}

function checkBody(
  body: HclBody,
  schema: BlockSchema,
  topLevel: boolean,
  report: (path: string, message: string) => void,
): void {
  for (const [name, value] of Object.entries(body)) {
    if (topLevel && META.has(name)) continue;
    if (name === 'dynamic' && isBody(value)) {
      for (const [blockName, dynamics] of Object.entries(value)) {
        const nested = schema.blocks.get(blockName);
        if (!nested) report(`.dynamic.${blockName}`, `is not a block of this type`);
        for (const d of nested && Array.isArray(dynamics) ? dynamics : []) {
          for (const content of isBody(d) && Array.isArray(d.content) ? d.content : [])
            if (isBody(content))
              checkBody(content, nested as BlockSchema, false, (p, m) => {
                report(`.dynamic.${blockName}${p}`, m);
              });
        }
      }
      continue;
    }
    const nested = schema.blocks.get(name);
    if (nested) {
      for (const item of Array.isArray(value) ? value : [value])
        if (isBody(item))
          checkBody(item, nested, false, (p, m) => {
            report(`.${name}${p}`, m);
          });
    } else if (!schema.arguments.has(name)) {
      report(`.${name}`, `is not an argument or block of this type`);
    }
  }
}
