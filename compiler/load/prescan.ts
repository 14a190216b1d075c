/**
 * js-yaml is fast but silently accepts things objectstack must report (anchors, aliases, tags, tabs in
 * indentation). This scan finds any hint of them; false positives only cost speed, because the full `yaml` parse
 * then decides.
 */
const TAB_IN_INDENT = /^[ ]*\t/m;
// An anchor, alias or tag can only start a node: after the indentation of a line, after `- `, `? ` or `: `, or after
// a flow indicator. Inside a plain scalar (`filter: status != 'closed'`) it is just text, so it must not count.
const NODE_PROPERTY = /(?:^[ ]*|[-?:][ ]+|[[{,][ ]*)[&*!]/m;

// The two scalar spellings js-yaml's core schema reads differently from YAML 1.2 core (`yaml`): 0b binary
// integers and a signed float without a leading digit. Either sends the file to `yaml`, so both paths agree.
const CORE_MISMATCH = /(?:^|[\s[{,:])(?:[-+]?0b[01]|[-+]\.[0-9])/;

export function needsFullParse(text: string): boolean {
  return TAB_IN_INDENT.test(text) || NODE_PROPERTY.test(text) || CORE_MISMATCH.test(text);
}

/** Deeper flow nesting than any real stack has; `yaml` takes quadratic time on it, so it is refused up front. */
export const MAX_FLOW_DEPTH = 256;

/** Whether `[`/`{` nest deeper than MAX_FLOW_DEPTH, skipping quoted strings and comments. */
export function flowTooDeep(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '[' || char === '{') {
      if (++depth > MAX_FLOW_DEPTH) return true;
    } else if (char === ']' || char === '}') {
      depth = Math.max(0, depth - 1);
    } else if (char === '"' || char === "'") {
      const end = text.indexOf(char, i + 1);
      i = end < 0 ? text.length : end;
    } else if (char === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    }
  }
  return false;
}
