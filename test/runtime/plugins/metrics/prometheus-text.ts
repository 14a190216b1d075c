/**
 * A reader of the Prometheus text exposition format (0.0.4), strict enough that a malformed line fails the test:
 * `# HELP`, `# TYPE`, and `name{label="value",...} number` samples with escaped label values.
 */
export interface MetricFamily {
  help?: string;
  type?: string;
  samples: Array<{ name: string; labels: Record<string, string>; value: number }>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const SUFFIXES = ['_bucket', '_count', '_sum', '_total', '_created'];

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const family = (name: string) => {
    let found = families.get(name);
    if (!found) {
      found = { samples: [] };
      families.set(name, found);
    }
    return found;
  };
  text.split('\n').forEach((line, index) => {
    if (line === '') return;
    const fail = (why: string) => new Error(`line ${index + 1}: ${why}: ${line}`);
    if (line.startsWith('# HELP ')) {
      const [, name, ...help] = line.split(' ').slice(1);
      family(name ?? '').help = help.join(' ').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      return;
    }
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(type ?? '')) throw fail('unknown type');
      family(name ?? '').type = type;
      return;
    }
    if (line.startsWith('#')) return;
    const name = NAME.exec(line)?.[0];
    if (!name) throw fail('no metric name');
    let rest = line.slice(name.length);
    const labels: Record<string, string> = {};
    if (rest.startsWith('{')) {
      rest = rest.slice(1);
      while (!rest.startsWith('}')) {
        const match = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/.exec(rest);
        if (!match) throw fail('bad label');
        labels[match[1] as string] = (match[2] as string).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
        rest = rest.slice(match[0].length);
      }
      rest = rest.slice(1);
    }
    const value = rest.trim().split(' ')[0] ?? '';
    // Like Prometheus' own reader (Go's ParseFloat): Inf and NaN in any letter case.
    const special = /^([+-]?)(inf|nan)$/i.exec(value);
    const number = special
      ? special[2]?.toLowerCase() === 'nan'
        ? NaN
        : special[1] === '-'
          ? -Infinity
          : Infinity
      : Number(value);
    if (value === '' || (!special && Number.isNaN(number))) throw fail('bad value');
    const base = SUFFIXES.reduce((current, suffix) => {
      const stripped = current.endsWith(suffix) ? current.slice(0, -suffix.length) : current;
      return families.has(stripped) ? stripped : current;
    }, name);
    family(families.has(base) ? base : name).samples.push({ name, labels, value: number });
  });
  return families;
}

/** The value of the one sample with exactly these labels (undefined when absent). */
export function sample(
  families: Map<string, MetricFamily>,
  name: string,
  labels: Record<string, string>,
): number | undefined {
  for (const family of families.values()) {
    for (const candidate of family.samples) {
      if (candidate.name !== name) continue;
      const keys = Object.keys(candidate.labels);
      if (keys.length === Object.keys(labels).length && keys.every((key) => candidate.labels[key] === labels[key])) {
        return candidate.value;
      }
    }
  }
  return undefined;
}
