/**
 * The demo business created by `pnpm start` on an empty database (never in production). The README
 * lists these logins; change them nowhere else.
 */
export const DEMO_PASSWORD = 'tally-demo-2026';

export const DEMO_STORES = [
  {
    code: 'LON-01',
    name: 'Tally Market London',
    address: '1 Market Street, London',
    timezone: 'Europe/London',
  },
  {
    code: 'MAN-01',
    name: 'Tally Market Manchester',
    address: '2 Mill Lane, Manchester',
    timezone: 'Europe/London',
  },
] as const;

export const DEMO_STAFF = [
  { email: 'admin@demo.tally', name: 'Ada Admin', role: 'admin', stores: [] },
  { email: 'manager@demo.tally', name: 'Max Manager', role: 'manager', stores: ['LON-01'] },
  { email: 'cashier@demo.tally', name: 'Cass Cashier', role: 'cashier', stores: ['LON-01'] },
  { email: 'marketing@demo.tally', name: 'Mia Marketing', role: 'marketing', stores: [] },
] as const;

/** A fixed key so the README can document it; only ever created for the demo. */
export const DEMO_POS_KEY = {
  store: 'LON-01',
  name: 'Till 1 (demo)',
  prefix: 'demotill01',
  key: 'tpk_demotill01_DEMOonly-till-key-never-use-in-production01',
} as const;

export const DEMO_MEMBERS = [
  {
    email: 'alice@demo.tally',
    name: 'Alice Example',
    phone: '+447700900001',
    birthday: '1990-04-12',
    marketingConsent: true,
  },
  { email: 'bob@demo.tally', name: 'Bob Example', phone: null, birthday: null, marketingConsent: false },
] as const;
