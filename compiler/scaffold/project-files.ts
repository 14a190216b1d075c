import { basename } from 'node:path';
import type { ScaffoldFile } from './scaffold-file.js';
import { yamlString } from './scaffold-file.js';

export interface ProjectOptions {
  /** The project folder; its name becomes the package name and the stack id's last segment. */
  readonly dir: string;
  /** The objectstack version the project depends on (`^<version>`). */
  readonly objectstackVersion: string;
}

const SCHEMAS = 'node_modules/objectstack/schemas';

/**
 * `objectstack init`: a stack with one included object and the built-in plugins a new app needs, a package.json
 * depending on objectstack, and a README. It validates and builds as created.
 */
export function projectFiles(options: ProjectOptions): ScaffoldFile[] {
  const slug = basename(options.dir).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'app';
  const idSegment = /^[a-z]/.test(slug) ? slug : `app-${slug}`;
  const title = slug.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
  const packageJson = {
    name: slug,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      validate: 'objectstack validate',
      build: 'objectstack build',
      'build:watch': 'objectstack build --watch',
    },
    dependencies: { objectstack: `^${options.objectstackVersion}` },
  };
  return [
    {
      path: 'objectstack.yaml',
      content: [
        `# yaml-language-server: $schema=./${SCHEMAS}/objectstack.schema.json`,
        'manifest:',
        `  id: ${yamlString(`com.example.${idSegment}`)}`,
        `  name: ${yamlString(title)}`,
        '  version: 0.1.0',
        '',
        'include:',
        '  - objects/*.object.yml',
        '',
        'plugins:',
        '  - id: com.objectstack.data',
        '  - id: com.objectstack.metadata',
        '  - id: com.objectstack.cache',
        '  - id: com.objectstack.queue',
        '  - id: com.objectstack.job',
        '',
        'datasources:',
        '  default:',
        '    driver: sqlite',
        '    url: file:./.objectstack/dev.db',
        '',
      ].join('\n'),
    },
    {
      path: 'objects/task.object.yml',
      content: [
        `# yaml-language-server: $schema=../${SCHEMAS}/object.schema.json`,
        'label: Task',
        'pluralLabel: Tasks',
        'nameField: title',
        'fields:',
        '  title:',
        '    type: text',
        '    label: Title',
        '    required: true',
        '    maxLength: 200',
        '  status:',
        '    type: select',
        '    label: Status',
        '    defaultValue: todo',
        '    options:',
        '      - { label: To do, value: todo }',
        '      - { label: In progress, value: in_progress }',
        '      - { label: Done, value: done }',
        '  due_date:',
        '    type: date',
        '    label: Due date',
        '',
      ].join('\n'),
    },
    { path: 'package.json', content: `${JSON.stringify(packageJson, null, 2)}\n` },
    { path: '.gitignore', content: 'node_modules/\n.objectstack/\n' },
    {
      path: 'README.md',
      content: [
        `# ${title}`,
        '',
        'An [objectstack](https://www.npmjs.com/package/objectstack) application.',
        '',
        '- `objectstack.yaml` declares the app: plugins, datasources and which object files to include.',
        '- `objects/*.object.yml` declare the objects and their fields.',
        '- `generated/` is written by `objectstack build` (typed bootstrap, types, GraphQL, OpenAPI, schema snapshot): commit it, never edit it.',
        '',
        '```sh',
        'npm install',
        'npx objectstack validate      # check the stack, with located errors',
        'npx objectstack build         # write generated/',
        'npx objectstack build --watch # rebuild on every change',
        '```',
        '',
        'Add a plugin with `npx objectstack plugin create com.example.my-plugin`.',
        '',
      ].join('\n'),
    },
  ];
}
