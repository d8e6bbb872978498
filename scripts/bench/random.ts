// A small seeded pseudo-random generator, so the benchmark data set is the same on every machine for
// the same seed and size. Not for anything security-related.
import { addDays, type IsoDate } from '../../lib/dates.ts';

/** 32-bit hash of a string (cyrb53's mixing, truncated), used to turn a seed into generator state. */
function hashSeed(text: string, salt: number): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/** sfc32: fast, small state, and good enough statistical quality for synthetic data. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string | number) {
    const text = String(seed);
    this.a = hashSeed(text, 1);
    this.b = hashSeed(text, 2);
    this.c = hashSeed(text, 3);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length) chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return chosen;
  }

  /** The items in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  }

  /** A calendar day in [from, to], both inclusive. */
  day(from: IsoDate, to: IsoDate): IsoDate {
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    return addDays(from, this.int(0, Math.max(0, span)));
  }

  /** Rounds to `digits` decimals, so stored floats read back as the same numbers. */
  round(value: number, digits = 2): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
  }
}

/**
 * Deterministic UUIDs (version 8, "custom"): a table tag and a counter up front keep primary-key
 * inserts in index order; the seed's hash at the end keeps data sets of different seeds apart.
 */
export class IdFactory {
  private readonly counters = new Map<number, number>();
  private readonly tail: string;

  constructor(seed: string | number) {
    this.tail =
      hashSeed(String(seed), 7).toString(16).padStart(8, '0') + hashSeed(String(seed), 8).toString(16).padStart(8, '0').slice(0, 4);
  }

  next(tag: number): string {
    const n = (this.counters.get(tag) ?? 0) + 1;
    this.counters.set(tag, n);
    const head = tag.toString(16).padStart(2, '0') + n.toString(16).padStart(10, '0');
    return `${head.slice(0, 8)}-${head.slice(8, 12)}-8000-a000-${this.tail}`;
  }
}
