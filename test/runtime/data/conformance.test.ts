import { databasesUnderTest } from './support/database.js';
import { conformanceSuite } from './conformance.js';

for (const database of await databasesUnderTest('conformance')) conformanceSuite(database);
