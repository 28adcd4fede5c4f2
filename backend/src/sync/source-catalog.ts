import type { SourceDefinition } from './source-definition';

/** Every source the core runs, handed to it by the composition root (`app.module.ts`, `sources/worker-entry.ts`). */
export type SourceCatalog = readonly SourceDefinition[];

export const SOURCE_CATALOG = Symbol('SOURCE_CATALOG');

export function findSourceDefinition(catalog: SourceCatalog, id: string): SourceDefinition | undefined {
  return catalog.find((definition) => definition.id === id);
}
