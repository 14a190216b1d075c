import { describe, expect, it } from 'vitest';
import { formulaIdentifiers } from '../../compiler/resolve/formula.js';
import { labelFromName, pluralOf } from '../../compiler/resolve/labels.js';

describe('formulaIdentifiers', () => {
  it.each([
    ['amount * probability / 100', ['amount', 'probability']],
    ["IF(stage == 'closed won', amount, 0)", ['stage', 'amount']],
    ['first_name & " " & last_name', ['first_name', 'last_name']],
    ['ROUND(total, 2) + 1e5 + PI', ['total']],
    ['account.owner.name + $user.id + @today', ['account']],
    ['not done and (count > 0 or true)', ['done', 'count']],
    ["'it\\'s ' + title", ['title']],
    ["name & ' unterminated", []],
  ])('%s → %j', (expression, names) => {
    expect(formulaIdentifiers(expression)).toEqual(names);
  });
});

describe('labels', () => {
  it('derives labels and plurals from names', () => {
    expect(['line_item', 'name', '_private__thing'].map(labelFromName)).toEqual(['Line Item', 'Name', 'Private Thing']);
    expect(['Account', 'Category', 'Address', 'Day', 'Branch'].map(pluralOf)).toEqual(['Accounts', 'Categories', 'Addresses', 'Days', 'Branches']);
  });
});
