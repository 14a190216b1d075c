import { createRequire } from 'node:module';

/**
 * graphql-js loaded the way mercurius loads it (CommonJS), so the schema we build and the one mercurius validates
 * come from one module instance: graphql-js rejects objects from "another realm", and bundlers or test runners
 * that prefer the package's ESM build would otherwise hand us a second copy.
 */
export const graphqlJs = createRequire(import.meta.url)('graphql') as typeof import('graphql');
