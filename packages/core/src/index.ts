export * from './dates.js';
export * from './errors.js';
export * from './format.js';
export * from './guards.js';
export * from './inputs.js';
export * from './schemas.js';
export * from './status.js';
