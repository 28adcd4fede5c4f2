import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from './i18n';

// Vitest runs in frontend/.
const BACKEND_SOURCES = join(process.cwd(), '../backend/src/sources');

// The source ids the backend registers (each `<id>.source.ts`, and the command sources it seeds), read from its
// files: the front end does not import the backend.
function backendSourceIds(): string[] {
  const ids: string[] = [];
  for (const folder of readdirSync(BACKEND_SOURCES, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(join(BACKEND_SOURCES, folder.name))) {
      if (!/\.(source|seed)\.ts$/.test(file)) continue;
      const text = readFileSync(join(BACKEND_SOURCES, folder.name, file), 'utf8');
      const id = /^\s*id: '([^']+)'/m.exec(text)?.[1];
      if (id) ids.push(id);
    }
  }
  return ids.sort();
}

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('source locale files', () => {
  it('should have a file in every language for every source the backend registers, and no other', () => {
    const ids = backendSourceIds();

    expect(ids).toEqual(expect.arrayContaining(['crm', 'faculty', 'moodle', 'students']));
    for (const lng of LANGUAGES) expect(Object.keys(resources[lng].sources).sort()).toEqual(ids);
  });

  it('should have the same keys in fa and en when a source has its file in both', () => {
    for (const id of Object.keys(resources.fa.sources)) {
      expect({ id, keys: keysOf(resources.en.sources[id]).sort() }).toEqual({ id, keys: keysOf(resources.fa.sources[id]).sort() });
    }
  });

  it('should name every source in its file', () => {
    for (const lng of LANGUAGES) {
      for (const [id, texts] of Object.entries(resources[lng].sources)) expect({ id, name: typeof texts.name }).toEqual({ id, name: 'string' });
    }
  });
});
