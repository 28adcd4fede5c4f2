export * from './sync';
export * from './errors';
export * from './events';
export * from './ipc';
export * from './faculty';
export * from './moodle';
export * from './students';
export * from './records';
