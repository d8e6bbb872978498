// Every translated catalog must say what the English one says: the same files, the same keys, and
// messages that take the same arguments, so a page renders in every locale with the values the code
// passes. English is the source; the others follow it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  isDateTimeSkeleton,
  isNumberSkeleton,
  parse,
  TYPE,
  type DateElement,
  type MessageFormatElement,
  type NumberElement,
} from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../messages');
const SOURCE = 'en';

/**
 * `locale:key` of messages longer than three words that a translation may leave exactly as in
 * English. Each needs a reason; anything else identical to the English is an untranslated copy.
 */
const SAME_AS_ENGLISH = new Set<string>([]);

const locales = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const translated = locales.filter((locale) => locale !== SOURCE);

function jsonFiles(locale: string): string[] {
  return readdirSync(path.join(root, locale))
    .filter((file) => file.endsWith('.json'))
    .sort();
}

/** Flattens nested namespaces into dotted keys; a leaf that is not a string is kept as a problem. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

function readFileCatalog(locale: string, file: string): Map<string, unknown> {
  return flatten(JSON.parse(readFileSync(path.join(root, locale, file), 'utf8')), '', new Map());
}

function readCatalog(locale: string): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const file of jsonFiles(locale)) for (const [key, value] of readFileCatalog(locale, file)) all.set(key, value);
  return all;
}

interface Choice {
  argument: string;
  kind: 'plural' | 'selectordinal' | 'select';
  cases: string[];
}

interface Shape {
  /** One entry per argument and tag, with its type and format, e.g. `count:plural`, `score:number ::precision-integer`, `<link>`. */
  signature: string[];
  choices: Choice[];
  /** The words of the literal text, outside arguments. */
  words: number;
}

function styleOf(style: NumberElement['style'] | DateElement['style']): string {
  if (style == null) return '';
  if (typeof style === 'string') return ` ${style}`;
  if (isNumberSkeleton(style)) return ` ::${style.tokens.map((token) => [token.stem, ...token.options].join('/')).join(' ')}`;
  if (isDateTimeSkeleton(style)) return ` ::${style.pattern}`;
  return '';
}

function shapeOf(message: string): Shape {
  const signature = new Set<string>();
  const choices: Choice[] = [];
  let words = 0;
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.literal:
          words += element.value.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
          break;
        case TYPE.argument:
          signature.add(`${element.value}:argument`);
          break;
        case TYPE.number:
          signature.add(`${element.value}:number${styleOf(element.style)}`);
          break;
        case TYPE.date:
        case TYPE.time:
          signature.add(`${element.value}:${TYPE[element.type]}${styleOf(element.style)}`);
          break;
        case TYPE.select:
          signature.add(`${element.value}:select{${Object.keys(element.options).sort().join('|')}}`);
          choices.push({ argument: element.value, kind: 'select', cases: Object.keys(element.options) });
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        case TYPE.plural: {
          const kind = element.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
          signature.add(`${element.value}:${kind}${element.offset ? ` offset:${element.offset}` : ''}`);
          choices.push({ argument: element.value, kind, cases: Object.keys(element.options) });
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        }
        case TYPE.tag:
          signature.add(`<${element.value}>`);
          walk(element.children);
          break;
        case TYPE.pound:
          break;
      }
    }
  };
  // The other case is checked below, with a message that names the key.
  walk(parse(message, { requiresOtherClause: false }));
  return { signature: [...signature].sort(), choices, words };
}

/** Parses every message of a catalog; parse errors are returned as problems instead of thrown. */
function shapes(locale: string, catalog: Map<string, unknown>, problems: string[]): Map<string, Shape> {
  const result = new Map<string, Shape>();
  for (const [key, value] of catalog) {
    if (typeof value !== 'string') {
      problems.push(`${locale}: ${key} is not a string`);
      continue;
    }
    try {
      result.set(key, shapeOf(value));
    } catch (error) {
      problems.push(`${locale}: ${key} does not parse: ${(error as Error).message}`);
    }
  }
  return result;
}

const english = readCatalog(SOURCE);

describe('the translated message catalogs', () => {
  it('exist', () => {
    expect(translated.length).toBeGreaterThan(0);
  });

  it.each(translated)('%s has the files of the English catalog', (locale) => {
    expect(jsonFiles(locale)).toEqual(jsonFiles(SOURCE));
  });

  it.each(translated)('%s has exactly the keys of the English catalog, each in the same file', (locale) => {
    const problems: string[] = [];
    for (const file of jsonFiles(SOURCE)) {
      const source = readFileCatalog(SOURCE, file);
      const target = jsonFiles(locale).includes(file) ? readFileCatalog(locale, file) : new Map<string, unknown>();
      for (const key of source.keys()) if (!target.has(key)) problems.push(`${locale}/${file}: missing ${key}`);
      for (const key of target.keys()) if (!source.has(key)) problems.push(`${locale}/${file}: extra ${key}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(translated)('%s registers every file in its index.ts', async (locale) => {
    const registered = (await import(`../../messages/${locale}/index.ts`)) as { default: Record<string, unknown> };
    const keys = (catalog: Map<string, unknown>) => [...catalog.keys()].sort();
    expect(keys(flatten(registered.default, '', new Map()))).toEqual(keys(readCatalog(locale)));
  });

  it.each(translated)('%s messages take the same arguments, formats and tags as the English ones', (locale) => {
    const problems: string[] = [];
    const source = shapes(SOURCE, english, problems);
    const target = shapes(locale, readCatalog(locale), problems);
    for (const [key, shape] of target) {
      const expected = source.get(key);
      if (expected && shape.signature.join(', ') !== expected.signature.join(', ')) {
        problems.push(`${locale}: ${key} takes [${shape.signature.join(', ')}] but English takes [${expected.signature.join(', ')}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(locales)('%s plurals and selects have an other case, and plurals only the categories of the language', (locale) => {
    const problems: string[] = [];
    const categories = {
      plural: new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories),
      selectordinal: new Set<string>(new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories),
    };
    for (const [key, shape] of shapes(locale, readCatalog(locale), problems)) {
      for (const choice of shape.choices) {
        if (!choice.cases.includes('other')) problems.push(`${locale}: ${key} has no other case for ${choice.argument}`);
        if (choice.kind === 'select') continue;
        const selected = categories[choice.kind];
        const unknown = choice.cases.filter((name) => !/^=\d+$/.test(name) && !selected.has(name));
        if (unknown.length) problems.push(`${locale}: ${key} uses ${unknown.join(', ')}, which ${locale} never selects`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(translated)('%s translates every message of more than three words instead of copying the English', (locale) => {
    const problems: string[] = [];
    const source = shapes(SOURCE, english, problems);
    for (const [key, value] of readCatalog(locale)) {
      const words = source.get(key)?.words ?? 0;
      if (words > 3 && value === english.get(key) && !SAME_AS_ENGLISH.has(`${locale}:${key}`)) {
        problems.push(`${locale}: ${key} is the English text`);
      }
    }
    expect(problems).toEqual([]);
  });
});
