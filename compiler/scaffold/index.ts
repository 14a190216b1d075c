export { projectFiles, type ProjectOptions } from './project-files.js';
export { pluginEntrySnippet, pluginFiles, pluginFolder } from './plugin-files.js';
export { writeNewFiles, type ScaffoldFile, type ScaffoldResult } from './scaffold-file.js';
