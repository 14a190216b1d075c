/** `line_item` → `Line Item`: the label of a field or object that declares none. */
export function labelFromName(name: string): string {
  // A character loop: this runs for every field of every object, and split/map/join allocates three arrays each time.
  let label = '';
  let startOfWord = true;
  for (const char of name) {
    if (char === '_') {
      startOfWord = true;
      continue;
    }
    if (startOfWord && label.length > 0) label += ' ';
    label += startOfWord ? char.toUpperCase() : char;
    startOfWord = false;
  }
  return label;
}

/** English plural of a label's last word, for objects without `pluralLabel`: Account → Accounts, Category → Categories. */
export function pluralOf(label: string): string {
  if (/[^aeiou]y$/i.test(label)) return `${label.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(label)) return `${label}es`;
  return `${label}s`;
}
