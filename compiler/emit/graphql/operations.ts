import type { ObjectIR } from '../../ir/index.js';
import { allows, writableProperties } from '../field-mapping/index.js';
import type { GraphqlNames } from './graphql-type-names.js';
import { printDefinition, type SdlMember } from './sdl-print.js';

/** `type Query`: per object a read by id and a filtered, sorted, paginated list, as `enable.apiMethods` allows. */
export function queryType(objects: readonly ObjectIR[], names: GraphqlNames): string {
  const members = objects.flatMap((object): SdlMember[] => {
    const type = names.type(object.name);
    return [
      ...(allows(object, 'get')
        ? [{ description: `One ${object.label} by id; null when it does not exist or is not visible.`, name: names.singularQuery(object.name), args: ['id: ID!'], type }]
        : []),
      ...(allows(object, 'list')
        ? [{
            description: `${object.pluralLabel} matching the filter, sorted, one page at a time (limit defaults to the server's page size).`,
            name: names.pluralQuery(object.name),
            args: [`filter: ${names.filter(object.name)}`, `sort: [${names.sort(object.name)}!]`, 'limit: Int', 'offset: Int'],
            type: `${names.connection(object.name)}!`,
          }]
        : []),
    ];
  });
  // GraphQL requires Query to have a field; a stack exposing nothing still gets a valid schema.
  const body = members.length > 0 ? members : [{ description: 'The stack exposes no objects.', name: '_empty', type: 'Boolean' }];
  return printDefinition('type', 'Query', null, null, body);
}

/** `type Mutation`, or null when no object allows a write. */
export function mutationType(objects: readonly ObjectIR[], names: GraphqlNames): string | null {
  const members = objects.flatMap((object): SdlMember[] => {
    const type = names.type(object.name);
    const writable = writableProperties(object).length > 0;
    const mutations: SdlMember[] = [];
    if (allows(object, 'create')) {
      mutations.push({
        description: `Creates ${object.label === '' ? 'a record' : `a ${object.label}`} and returns it as stored.`,
        name: `create${type}`,
        args: writable ? [`input: ${names.createInput(object.name)}!`] : [],
        type: `${type}!`,
      });
    }
    if (allows(object, 'update') && writable) {
      mutations.push({ description: `Changes the given fields of a ${object.label} and returns it.`, name: `update${type}`, args: ['id: ID!', `input: ${names.updateInput(object.name)}!`], type: `${type}!` });
    }
    if (allows(object, 'delete')) {
      mutations.push({ description: `Deletes a ${object.label} and returns the record as it was.`, name: `delete${type}`, args: ['id: ID!'], type: `${type}!` });
    }
    return mutations;
  });
  return members.length === 0 ? null : printDefinition('type', 'Mutation', null, null, members);
}
