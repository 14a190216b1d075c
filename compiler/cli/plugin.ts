import { resolve } from 'node:path';
import { PLUGIN_ID_PATTERN } from '../../schemas/index.js';
import { pluginEntrySnippet, pluginFiles, writeNewFiles } from '../scaffold/index.js';
import { UsageError } from './args.js';
import type { Command } from './command.js';
import { reportScaffold } from './init.js';

export const pluginCommand: Command = {
  name: 'plugin',
  summary: 'Create a local plugin: plugins/<name>/plugin.yml, index.ts (init/start/destroy) and a test',
  usage: 'plugin create <id>   (e.g. com.acme.notifier → plugins/notifier/)',
  arity: [2, 2],
  options: {
    dir: { type: 'string', description: 'Project folder (default: the current folder)', placeholder: 'dir' },
  },
  async run({ options, positionals }, io) {
    const [action, id = ''] = positionals;
    if (action !== 'create') throw new UsageError('OS9001', `Unknown plugin action ${action ?? ''}`, 'usage: objectstack plugin create <id>');
    if (!PLUGIN_ID_PATTERN.test(id)) {
      io.stderr.write(`error OS5102: ${JSON.stringify(id)} is not a plugin id\n  hint: use a reverse-DNS id such as com.acme.notifier\n`);
      return 1;
    }
    const dir = resolve(io.cwd, typeof options.dir === 'string' ? options.dir : '.');
    if (!reportScaffold(writeNewFiles(dir, pluginFiles(id)), io)) return 1;
    io.stdout.write(`next: add it to the plugins of objectstack.yaml:\n${pluginEntrySnippet(id)}\n`);
    return 0;
  },
};
