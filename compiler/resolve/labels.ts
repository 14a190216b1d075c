/** `line_item` → `Line Item`: the label of a field or object that declares none. */
export function labelFromName(name: string): string {
  return name
    .split('_')
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** English plural of a label's last word, for objects without `pluralLabel`: Account → Accounts, Category → Categories. */
export function pluralOf(label: string): string {
  if (/[^aeiou]y$/i.test(label)) return `${label.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(label)) return `${label}es`;
  return `${label}s`;
}
