/**
 * Seeded stratified train / validation / test split. The original app split 70/30 with stratification; we also
 * carve a validation set out of the training part for early stopping, so the test set is never looked at while
 * training.
 */
import { DEFAULT_SEED, createRandom, shuffledIndices } from '../util/random';

export interface SplitOptions {
  /** Share of all rows held out for the test set. Default 0.3 (the original app's 70/30). */
  testFraction?: number;
  /** Share of the remaining (training) rows held out for early stopping. Default 0.1; 0 = none. */
  validationFraction?: number;
  /** Seed of the shuffles. Default 42. */
  seed?: number;
}

export const SPLIT_DEFAULTS = { testFraction: 0.3, validationFraction: 0.1, seed: DEFAULT_SEED } as const;

export interface StratifiedSplit {
  /** Row indices, ascending. */
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
}

function checkFraction(name: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw new Error(`${name} must be in [0, 1), got ${value}`);
}

/** Each class's rows, ascending: counted first, then filled into typed arrays (not pushed into number[]). */
function rowsByClass(labels: ArrayLike<number>): Map<number, Uint32Array> {
  const n = labels.length;
  const classOf = new Uint32Array(n);
  const index = new Map<number, number>();
  const counts: number[] = [];
  let previous = NaN;
  let current = -1;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (y !== previous) {
      if (!Number.isFinite(y)) throw new Error(`labels must be finite class values, got ${y} at row ${i}`);
      let c = index.get(y);
      if (c === undefined) {
        index.set(y, (c = counts.length));
        counts.push(0);
      }
      previous = y;
      current = c;
    }
    classOf[i] = current;
    counts[current]++;
  }
  const rows = counts.map((count) => new Uint32Array(count));
  const filled = counts.map(() => 0);
  for (let i = 0; i < n; i++) rows[classOf[i]][filled[classOf[i]]++] = i;
  return new Map([...index].map(([y, c]) => [y, rows[c]]));
}

/** Each class is shuffled and cut separately, so every part keeps the class balance (to within one row). */
export function stratifiedSplit(labels: ArrayLike<number>, options: SplitOptions = {}): StratifiedSplit {
  const { testFraction, validationFraction, seed } = { ...SPLIT_DEFAULTS, ...options };
  checkFraction('testFraction', testFraction);
  checkFraction('validationFraction', validationFraction);
  const byClass = rowsByClass(labels);
  // Each row's part (0 train, 1 validation, 2 test), then the rows of each part gathered in index order:
  // ascending without sorting (sorting the three parts was ~40 % of the split's time at 1.2M rows: 585 → 329 ms).
  const part = new Uint8Array(labels.length);
  const sizes = [0, 0, 0];
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  // Per-class seeds come from a salted stream: label flips also shuffle with the user's seed, and one seed must not
  // give the split and the flips related permutations (which could put a non-random share of flips in the test set).
  const seeds = createRandom(seed ^ 0x51_17_5e_ed);
  classes.forEach((cls) => {
    const rows = byClass.get(cls)!;
    const order = shuffledIndices(rows.length, seeds.int(2 ** 31));
    const nTest = Math.round(rows.length * testFraction);
    const nValidation = Math.round((rows.length - nTest) * validationFraction);
    for (let j = 0; j < rows.length; j++)
      part[rows[order[j]]] = j < nTest ? 2 : j < nTest + nValidation ? 1 : 0;
    sizes[2] += nTest;
    sizes[1] += nValidation;
    sizes[0] += rows.length - nTest - nValidation;
  });
  const parts = sizes.map((size) => new Uint32Array(size));
  const filled = [0, 0, 0];
  for (let row = 0; row < part.length; row++) parts[part[row]][filled[part[row]]++] = row;
  return { train: parts[0], validation: parts[1], test: parts[2] };
}
