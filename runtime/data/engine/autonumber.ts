/**
 * Autonumber display: the column holds the counter; reads format it with the field's `autonumberFormat`, where
 * `{0000}` is the counter zero-padded to the number of zeros (`{0}`: unpadded) and `{YYYY}`, `{YY}`, `{MM}`, `{DD}`
 * are the record's creation date (UTC). Text outside braces is kept: `INV-{YYYY}-{0000}` → `INV-2026-0042`.
 */
export function formatAutonumber(format: string, counter: number, createdAt: string | null): string {
  const date = createdAt ?? '';
  return format.replace(/\{(0+|YYYY|YY|MM|DD)\}/g, (_match, token: string) => {
    switch (token) {
      case 'YYYY':
        return date.slice(0, 4);
      case 'YY':
        return date.slice(2, 4);
      case 'MM':
        return date.slice(5, 7);
      case 'DD':
        return date.slice(8, 10);
      default:
        return String(counter).padStart(token.length, '0');
    }
  });
}

/** The next counter: one past the largest stored, never below the field's `startNumber`. */
export function nextCounter(largest: unknown, startNumber: number): number {
  const current = largest === null || largest === undefined ? null : Number(largest);
  return current === null || Number.isNaN(current) ? startNumber : Math.max(current + 1, startNumber);
}
