// Form submissions to plain objects for zod. Names like `evidence[0].url` become nested arrays and
// objects, so repeatable groups of fields (evidence items) work without JavaScript.
import type { z } from 'zod';

type Tree = { [key: string]: Tree | Tree[] | string | undefined } | Tree[] | string;

function setPath(root: Record<string, unknown>, path: (string | number)[], value: string) {
  let node: Record<string | number, unknown> = root;
  path.forEach((key, index) => {
    const last = index === path.length - 1;
    if (last) {
      node[key] = value;
      return;
    }
    const nextIsIndex = typeof path[index + 1] === 'number';
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
}

/** `items[0].field` → ['items', 0, 'field']. */
export function parsePath(name: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of name.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return parts;
}

/** Framework fields (server action ids) are dropped; files are ignored here. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith('$ACTION') || typeof value !== 'string') continue;
    setPath(result, parsePath(name), value);
  }
  return compactArrays(result) as Record<string, unknown>;
}

/** Removes holes left by deleted rows (`items[0]`, `items[2]`). */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compactArrays);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compactArrays(item)]));
  }
  return value;
}

export type FormValues = Tree;

/** Field names whose values are never echoed back to the browser (`code`: a 2FA or recovery code). */
const SECRET_FIELDS = /password|secret|token|^code$/i;
/** Per echoed field: enough for any form's longest text to be shown again, bounded whatever is posted. */
export const ECHO_FIELD_CHARS = 2000;
const ECHO_ROWS = 100;

/** The schema under wrappers (optional, nullable, defaults, pipes and preprocessing). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; out?: z.core.$ZodType };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe') return unwrap(def.in!._zod.def.type === 'transform' ? def.out! : def.in!);
  return schema;
}

function project(schema: z.core.$ZodType, value: unknown): unknown {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
  if (def.type === 'object' && def.shape && value && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const entries = Object.entries(def.shape)
      .filter(([key]) => Object.hasOwn(object, key) && !SECRET_FIELDS.test(key))
      .map(([key, field]) => [key, project(field, object[key])] as const)
      .filter(([, item]) => item !== undefined);
    return Object.fromEntries(entries);
  }
  if (def.type === 'array' && def.element && Array.isArray(value))
    return value.slice(0, ECHO_ROWS).map((item) => project(def.element!, item));
  return typeof value === 'string' ? value.slice(0, ECHO_FIELD_CHARS) : undefined;
}

/**
 * What a refused submission hands back to its form to show again: only the fields `schema` declares
 * (so a post cannot make the answer carry what it did not ask for), each truncated, never a secret.
 */
export function echoValues(schema: z.core.$ZodType, raw: Record<string, unknown>): Record<string, unknown> {
  return (project(schema, raw) as Record<string, unknown> | undefined) ?? {};
}
