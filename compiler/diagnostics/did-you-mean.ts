/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), so "lable" is one edit from
 * "label".
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

const MAX_SUGGESTIBLE_LENGTH = 64;

// snake_case, camelCase and kebab-case spellings of one name compare equal.
const normalize = (name: string): string => name.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo: at most a third of the input's
 * length in edits (at least one), ties broken alphabetically so suggestions are stable.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalize(input);
  // Nobody mistypes a 60-character name into an allowed one; without this cap a huge value costs seconds.
  if (wanted.length > MAX_SUGGESTIBLE_LENGTH) return undefined;
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const normalized = normalize(name);
    // The distance is at least the difference in length: skip the quadratic work when that alone is too far.
    if (Math.abs(normalized.length - wanted.length) > limit) continue;
    const distance = editDistance(wanted, normalized);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && name < best.name)) best = { name, distance };
  }
  return best?.name;
}

/** `did you mean "x"?`, or undefined when nothing is close. */
export function suggestion(input: string, candidates: Iterable<string>): string | undefined {
  const match = didYouMean(input, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}
