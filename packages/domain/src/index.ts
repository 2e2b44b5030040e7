export * from './errors/error-codes.js';
export * from './errors/problem.schema.js';
export * from './health/health.schema.js';
export * from './common/pagination.schema.js';
export * from './ledger/points.js';
export * from './ledger/ledger.schema.js';
export * from './ledger/statement.rules.js';
