/**
 * The pure core of Tricolor Ledger: cell values in, a plan of writes out.
 * No Office, React, DOM, file system or clock (enforced by eslint and tsconfig.core.json).
 */
export * from './model';
export * from './cells';
export * from './masking';
export * from './messages';
export * from './ledger';
export * from './rules';
export * from './schedule';
export * from './summary';
export * from './report';
export * from './revisits';
export * from './job';
export * from './meeting';
export * from './errors';
