export * from './users';
export * from './targets';
export * from './access-tokens';
