/**
 * js-yaml is fast but silently accepts things objectstack must report (anchors, aliases, tags, tabs in
 * indentation). This scan finds any hint of them; false positives only cost speed, because the full `yaml` parse
 * then decides.
 */
const TAB_IN_INDENT = /^[ ]*\t/m;
// An anchor, alias or tag starts a node: at the start of a line or after whitespace, a flow indicator or `-`/`:`.
const NODE_PROPERTY = /(?:^|[\s[{,])[&*!]/;

export function needsFullParse(text: string): boolean {
  return TAB_IN_INDENT.test(text) || NODE_PROPERTY.test(text);
}
