export * from './sync';
export * from './errors';
export * from './events';
export * from './ipc';
export * from './faculty';
export * from './auth';
export * from './audit';
