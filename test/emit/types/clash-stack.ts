import { irFromYaml, stackYaml } from './stack-ir.js';

/**
 * A stack built to collide: snake names that share a PascalCase form, an object named like another's derived type
 * (`account_create_input`, `account_status` vs account's `status` options), objects named like generated files and
 * shared types (`index`, `shared`, `metadata`, `record`, `geo_location`), GraphQL's own names (`query`, `string`), a plural that
 * is another object's name (`item`/`items`), fields named like GraphQL keywords, option values that are not GraphQL
 * names, and a readonly field.
 */
export function clashIr() {
  return irFromYaml({
    'objectstack.yaml': stackYaml(`
  - name: account
    fields:
      name: { type: text, required: true }
      status:
        type: select
        options: [{ label: Closed Won, value: Closed Won }, { label: "1st", value: "1st" }, { label: "true", value: "true" }, { label: closed_won, value: closed_won }, { label: dash, value: in-progress }]
      type: { type: text }
      query: { type: text }
      fragment: { type: number }
      on: { type: boolean }
      legacy_code: { type: text, readonly: true }
      data: { type: json }
      where: { type: location }
  - name: account_create_input
    fields:
      title: { type: text }
  - name: account_status
    fields:
      title: { type: text }
  - name: a_b
    fields:
      x: { type: text }
  - name: a__b
    fields:
      x: { type: text }
  - name: index
    fields:
      x: { type: text }
  - name: shared
    fields:
      x: { type: text }
  - name: metadata
    fields:
      x: { type: text }
  - name: record
    fields:
      payload: { type: json }
  - name: geo_location
    fields:
      spot: { type: location }
  - name: query
    fields:
      x: { type: text }
  - name: string
    fields:
      x: { type: text }
  - name: a_really_long_object_name_that_pushes_generated_lines_past_the_print_width
    description: 'Long names and values, so the printers'' line breaking is checked against prettier "as is".'
    fields:
      an_equally_long_field_name_so_that_types_and_unions_need_to_break_lines:
        type: select
        multiple: true
        options: [{ label: A long label, value: a-long-option-value-number-one }, { label: "It's", value: 'it''s "quoted"' }, { label: C, value: a-long-option-value-number-three }]
      another_equally_long_field_name_referencing_many_records_of_an_object:
        type: lookup
        multiple: true
        reference: account
      a_long_location_field_name_whose_type_is_a_shared_structure_of_coordinates: { type: location, required: true }
  - name: item
    fields:
      x: { type: text }
  - name: items
    fields:
      parent: { type: master_detail, reference: item }
      other_parent: { type: master_detail, reference: item }
      x: { type: text }
`),
  });
}
