export * from './enums';
export * from './organizations';
export * from './roles';
export * from './users';
export * from './sessions';
export * from './tokens';
export * from './email';
export * from './system';
