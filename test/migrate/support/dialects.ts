import { afterAll } from 'vitest';
import type { DialectName } from '../../../compiler/migrate/dialect.js';
import { createTestDatabase, createTestSchema } from './postgres.js';
import { TestProject } from './project.js';

export interface DialectUnderTest {
  readonly name: DialectName;
  /** A project bound to a fresh database (SQLite file) or a fresh schema (PostgreSQL). */
  project(scenario: string): Promise<TestProject>;
}

/**
 * SQLite always; PostgreSQL when the server answers (in CI it must). Call at the top level of a test file: it
 * creates the file's PostgreSQL database and drops it after the file's tests.
 */
export async function dialectsUnderTest(prefix: string): Promise<DialectUnderTest[]> {
  const projects: TestProject[] = [];
  afterAll(() => projects.forEach((project) => project.remove()));
  const track = (project: TestProject) => (projects.push(project), project);
  const dialects: DialectUnderTest[] = [{ name: 'sqlite', project: async () => track(new TestProject('sqlite')) }];
  const database = await createTestDatabase(prefix);
  if (database !== null) {
    afterAll(() => database.drop());
    dialects.push({
      name: 'postgres',
      project: async (scenario) => track(new TestProject('postgres', await createTestSchema(database, scenario))),
    });
  }
  return dialects;
}
