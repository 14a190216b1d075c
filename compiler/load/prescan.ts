/**
 * js-yaml is fast but silently accepts things objectstack must report (anchors, aliases, tags, tabs in
 * indentation). This scan finds any hint of them; false positives only cost speed, because the full `yaml` parse
 * then decides.
 */
const TAB_IN_INDENT = /^[ ]*\t/m;
// An anchor, alias or tag can only start a node: after the indentation of a line, after `- `, `? ` or `: `, or after
// a flow indicator. Inside a plain scalar (`filter: status != 'closed'`) it is just text, so it must not count.
const NODE_PROPERTY = /(?:^[ ]*|[-?:][ ]+|[[{,][ ]*)[&*!]/m;

export function needsFullParse(text: string): boolean {
  return TAB_IN_INDENT.test(text) || NODE_PROPERTY.test(text);
}
