/** The scoring core: pure TypeScript, no Office, React or DOM. */
export * from './decimal';
export * from './number';
export * from './schema';
export * from './criteria-set';
export * from './assessment';
export * from './bands';
export * from './totals';
export * from './problems';
export * from './validate';
export * from './plan';
export * from './gaps';
export * from './allocation';
export * from './carry-over';
export * from './ranking';
export * from './text';
export * from './csv';
export * from './score-exchange';
