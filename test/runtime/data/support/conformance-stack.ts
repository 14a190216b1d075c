/** The objects of the conformance suite: every value kind the engine encodes, lookups of each delete behaviour. */
export const CONFORMANCE_OBJECTS: Readonly<Record<string, Record<string, unknown>>> = {
  account: {
    fields: {
      name: { type: 'text', required: true, maxLength: 40 },
      code: { type: 'text', unique: true, minLength: 2 },
      email: { type: 'email' },
      website: { type: 'url' },
      employees: { type: 'number', scale: 0, min: 0, max: 100000 },
      revenue: { type: 'currency', precision: 12, scale: 2 },
      rating: { type: 'rating', max: 5 },
      active: { type: 'boolean', defaultValue: true },
      tier: { type: 'select', options: ['gold', 'silver', 'bronze'] },
      labels: { type: 'multiselect', options: ['partner', 'reseller', 'vip'] },
      tags: { type: 'tags' },
      meta: { type: 'json' },
      settings: { type: 'json', schema: { type: 'object', properties: { level: { type: 'integer' } }, required: ['level'] } },
      hq: { type: 'location' },
      founded: { type: 'date' },
      last_contact: { type: 'datetime' },
      opens_at: { type: 'time' },
      number: { type: 'autonumber', autonumberFormat: 'ACC-{0000}' },
      title: { type: 'formula', expression: "name & ' (' & COALESCE(tier, 'none') & ')'", returnType: 'text' },
      revenue_k: { type: 'formula', expression: 'revenue / 1000', returnType: 'number', scale: 1 },
      big: { type: 'formula', expression: 'employees >= 1000', returnType: 'boolean' },
      legacy_id: { type: 'text', readonly: true },
      secret_pin: { type: 'password' },
      invoice_total: { type: 'summary', summaryOperations: { object: 'invoice', field: 'amount', function: 'sum' } },
      invoice_count: { type: 'summary', summaryOperations: { object: 'invoice', field: 'amount', function: 'count' } },
      largest_paid: { type: 'summary', summaryOperations: { object: 'invoice', field: 'amount', function: 'max', filter: 'paid = true' } },
    },
  },
  contact: {
    fields: {
      name: { type: 'text', required: true },
      account: { type: 'lookup', reference: 'account', deleteBehavior: 'set_null' },
      partners: { type: 'lookup', reference: 'account', multiple: true },
    },
  },
  invoice: {
    fields: {
      label: { type: 'text' },
      amount: { type: 'number' },
      paid: { type: 'boolean' },
      account: { type: 'lookup', reference: 'account', deleteBehavior: 'restrict' },
    },
  },
  task: {
    sharingModel: 'private',
    fields: {
      title: { type: 'text', required: true },
      budget: { type: 'number' },
      status: { type: 'select', options: ['open', 'done'], defaultValue: 'open' },
    },
  },
  ledger: {
    tenancy: { enabled: true },
    fields: { entry: { type: 'text' } },
  },
  note: {
    fields: {
      body: { type: 'text' },
      account: { type: 'master_detail', reference: 'account' },
    },
  },
};
