/**
 * `npm run bench` runs every suite; `npm run bench -- validate kernel` runs the named ones. A suite is a module
 * under bench/<name>/ exporting `run()`, which prints its own table.
 */
interface Suite {
  run(): Promise<unknown>;
}

const SUITES: Readonly<Record<string, () => Promise<Suite>>> = {
  validate: () => import('./validate/index.js'),
  kernel: () => import('./kernel/index.js'),
  build: () => import('./build/index.js'),
  migrate: () => import('./migrate/index.js'),
  http: () => import('./http/index.js'),
  plugins: () => import('./plugins/index.js'),
};

async function main(names: readonly string[]): Promise<number> {
  const unknown = names.filter((name) => !Object.hasOwn(SUITES, name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark suite ${unknown.join(', ')}; suites: ${Object.keys(SUITES).join(', ')}`);
    return 2;
  }
  for (const name of names.length > 0 ? names : Object.keys(SUITES)) {
    const load = SUITES[name];
    if (load) await (await load()).run();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
