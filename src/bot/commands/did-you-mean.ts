import { echoWord } from './echo-word';

/** Words longer than this are not typos of a command; skipping them keeps the distance cheap. */
const MAX_WORD = 40;

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row !== undefined) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The candidates a mistyped word was probably meant as, best first, at most three: `reqest` → `['request']`. */
export function didYouMean(word: string, candidates: readonly string[]): string[] {
  const typed = word.toLowerCase();
  if (typed.length === 0 || typed.length > MAX_WORD) return [];
  // About one edit in three characters: `pendng` is `pending`, `foo` is nothing.
  const tolerance = Math.max(1, Math.floor(typed.length / 3));
  return candidates
    .map((candidate, order) => {
      const distance = editDistance(typed, candidate.toLowerCase());
      const prefix = typed.length >= 3 && candidate.toLowerCase().startsWith(typed);
      return { candidate, order, score: prefix ? Math.min(distance, tolerance) : distance };
    })
    .filter(({ score }) => score <= tolerance)
    .sort((x, y) => x.score - y.score || x.order - y.order)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

/** The suggestion sentence for a message, or '' when nothing is close: ` Did you mean `request`?`. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const close = didYouMean(word, candidates).map(echoWord);
  if (close.length === 0) return '';
  const last = close.pop() ?? '';
  return ` Did you mean ${close.length > 0 ? `${close.join(', ')} or ${last}` : last}?`;
}
