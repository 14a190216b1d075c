import { buildCommand } from './build.js';
import { devCommand } from './dev.js';
import { serveCommand } from './serve.js';
import { initCommand } from './init.js';
import { pluginCommand } from './plugin.js';
import { diffCommand } from './diff.js';
import { migrateCommand } from './migrate.js';
import type { Command } from './command.js';
import { explainCommand } from './explain.js';
import { validateCommand } from './validate.js';

/** Every command, in the order `objectstack --help` lists them. Add a command by adding its module here. */
export const COMMANDS: readonly Command[] = [validateCommand, explainCommand, buildCommand, diffCommand, migrateCommand, serveCommand, devCommand, initCommand, pluginCommand];
