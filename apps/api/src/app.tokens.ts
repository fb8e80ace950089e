/** Injection token of the checked environment (config/env.ts). */
export const ENV = Symbol('ENV');
