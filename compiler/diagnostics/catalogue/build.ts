import type { CodeSection } from './entry.js';

/** OS50xx build, emitters and the output writer; OS51xx project scaffolding (`init`, `plugin create`). */
export const buildCodes = {
  OS5001: {
    severity: 'error',
    title: 'Output directory not produced by objectstack',
    explanation:
      'The build replaces its output directory as a whole, removing files it no longer produces. It refuses to do so ' +
      'when the directory holds files but no manifest.lock.json from an earlier build, because those files may not be ' +
      'generated ones.',
    example: 'objectstack build --out src',
    fix: 'Point `--out` at an empty or new directory (the default is `generated/`), or move the existing files away.',
  },
  OS5002: {
    severity: 'error',
    title: 'Output could not be written',
    explanation:
      'Writing the build output failed (permissions, disk full, a file where a directory is expected). The previous ' +
      'output directory was left as it was.',
    example: 'objectstack build --out /read-only/generated',
    fix: 'Fix the cause named in the message (permissions, free space, the path) and build again.',
  },
  OS5101: {
    severity: 'error',
    title: 'Scaffold would overwrite a file',
    explanation: '`objectstack init` and `objectstack plugin create` never overwrite existing files; nothing was written.',
    example: 'objectstack init .   # in a folder that already has objectstack.yaml',
    fix: 'Scaffold into a new or empty directory, or move the named file away first.',
  },
  OS5102: {
    severity: 'error',
    title: 'Invalid plugin id',
    explanation:
      'A plugin id is reverse-DNS: at least two dot-separated segments of lowercase letters, digits and dashes, ' +
      'e.g. `com.acme.notifier`. The last segment names the plugin folder.',
    example: 'objectstack plugin create Notifier',
    fix: 'Use a reverse-DNS id such as `com.acme.notifier`.',
  },
} as const satisfies CodeSection;
