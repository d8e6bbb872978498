// Form submissions to plain objects for zod. Names like `evidence[0].url` become nested arrays and
// objects, so repeatable groups of fields (evidence items) work without JavaScript.

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

/**
 * The text of each named file field that holds a file. A form whose file input was left empty sends
 * an empty, nameless file: that counts as absent.
 */
export async function readTextFiles(formData: FormData, names: readonly string[]): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (value instanceof File && value.size > 0) texts[name] = await value.text();
  }
  return texts;
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
