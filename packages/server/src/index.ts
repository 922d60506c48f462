// Persistence: database factory, migrations, the Store and demo data.
export {
  type CreateDbOptions,
  createDb,
  type Database,
  migrate,
  rebuildCounters,
} from './db/index.js';
export { DEMO_IDENTITIES, type DemoIdentity, demoId, seedDemo } from './seed/index.js';
export { createStore } from './store/index.js';
export * from './store/types.js';
