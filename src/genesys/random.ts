/**
 * Small seeded pseudo-random source (mulberry32). Generated samples must be byte-identical for a
 * seed on every machine and Node version, which Math.random cannot give.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new RangeError('cannot pick from an empty list');
    }
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Distinct items in their original order. */
  subset<T>(items: readonly T[], min: number, max: number): T[] {
    const wanted = Math.min(this.integer(min, max), items.length);
    const chosen = new Set<number>();
    while (chosen.size < wanted) {
      chosen.add(Math.floor(this.next() * items.length));
    }
    return items.filter((_, index) => chosen.has(index));
  }

  hex(length: number): string {
    let text = '';
    for (let index = 0; index < length; index++) {
      text += Math.floor(this.next() * 16).toString(16);
    }
    return text;
  }

  digits(length: number): string {
    let text = '';
    for (let index = 0; index < length; index++) {
      text += Math.floor(this.next() * 10).toString();
    }
    return text;
  }

  /** Lowercase version-4 UUID, the form Genesys uses for entity ids. */
  uuid(): string {
    const variant = (8 + Math.floor(this.next() * 4)).toString(16);
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}

/** FNV-1a, to turn a text (e.g. a topic template) into a seed component. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
