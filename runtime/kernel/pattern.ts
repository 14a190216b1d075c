/** Tests an event name against one subscription pattern. */
export type EventMatcher = (event: string) => boolean;

/**
 * Compiles a subscription pattern once: an exact name, `*` for one dot-separated segment, or a trailing `*` for
 * everything after it (so `data.*` matches `data.afterInsert` and `*` matches every event).
 */
export function compilePattern(pattern: string): EventMatcher {
  if (!pattern.includes('*')) return (event) => event === pattern;
  if (pattern === '*') return () => true;
  const parts = pattern.split('*');
  const last = parts.length - 1;
  let source = '^';
  parts.forEach((part, index) => {
    source += escapeRegExp(part);
    if (index < last) source += index === last - 1 && parts[last] === '' ? '.*' : '[^.]*';
  });
  const regexp = new RegExp(`${source}$`);
  return (event) => regexp.test(event);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
