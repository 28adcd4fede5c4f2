import { EventEmitter } from 'node:events';
import { surviveProcessErrors } from './process-errors';

describe('surviveProcessErrors', () => {
  it('should log each unhandled rejection and uncaught exception when they reach the process', () => {
    const target = new EventEmitter();
    const lines: string[] = [];
    surviveProcessErrors(target, { error: (line: string) => lines.push(line) });

    target.emit('unhandledRejection', new Error('premature close'));
    target.emit('uncaughtException', new Error('boom'));
    target.emit('unhandledRejection', 'a plain reason');

    expect(lines).toEqual([
      expect.stringMatching(/^unhandled rejection: Error: premature close\n\s+at /),
      expect.stringMatching(/^uncaught exception: Error: boom\n\s+at /),
      'unhandled rejection: a plain reason',
    ]);
  });
});
