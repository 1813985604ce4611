export * from './users';
export * from './targets';
export * from './access-tokens';
export * from './gateway-sessions';
export * from './target-policies';
export * from './approvals';
export * from './access-grants';
export * from './audit-events';
