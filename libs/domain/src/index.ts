export * from './vocabulary.js';
export * from './calendar.js';
export * from './filter.js';
export * from './credit-code.js';
export * from './regions/index.js';
export * from './population/index.js';
