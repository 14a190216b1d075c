/** A small sales stack exercising the REST and GraphQL paths: a lookup, options, numbers, booleans, unique, required. */
export function salesStack(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    manifest: { id: 'com.test.sales', name: 'Sales', version: '1.0.0' },
    plugins: [{ id: 'com.objectstack.data' }],
    objects: {
      account: {
        label: 'Account',
        nameField: 'name',
        fields: {
          name: { type: 'text', label: 'Name', required: true, maxLength: 80, unique: true },
          tier: { type: 'select', label: 'Tier', options: ['bronze', 'silver', 'gold'], defaultValue: 'bronze' },
          revenue: { type: 'number', label: 'Revenue', min: 0 },
          active: { type: 'boolean', label: 'Active', defaultValue: true },
        },
      },
      contact: {
        label: 'Contact',
        nameField: 'full_name',
        fields: {
          full_name: { type: 'text', label: 'Full name', required: true },
          email: { type: 'email', label: 'Email' },
          account: { type: 'lookup', label: 'Account', reference: 'account' },
        },
      },
    },
    ...extra,
  };
}
