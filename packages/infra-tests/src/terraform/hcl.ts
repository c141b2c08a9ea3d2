import { parse } from '@cdktf/hcl2json';

/** A block or attribute map as @cdktf/hcl2json renders it: nested blocks become arrays of maps. */
export type HclBody = Record<string, unknown>;

/** Parses HCL (a .tf or .tfvars file) into JSON; expressions stay strings like "${var.x}". */
export async function parseHcl(fileName: string, text: string): Promise<HclBody> {
  try {
    return await parse(fileName, text);
  } catch (error) {
    throw new Error(`${fileName} is not valid HCL: ${String(error)}`, { cause: error });
  }
}

export function isBody(value: unknown): value is HclBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The blocks of a nested block attribute (`inbound_rule { }` twice gives two bodies). */
export function blocks(body: HclBody, name: string): HclBody[] {
  const value = body[name];
  if (Array.isArray(value)) return value.filter(isBody);
  return isBody(value) ? [value] : [];
}

/** `labelled(json, 'variable')` gives [name, body] for every `variable "name" { }` block. */
export function labelled(body: HclBody, kind: string): [string, HclBody][] {
  const byName = body[kind];
  if (!isBody(byName)) return [];
  return Object.entries(byName).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value])
      .filter(isBody)
      .map((b): [string, HclBody] => [name, b]),
  );
}
