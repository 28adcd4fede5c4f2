import { EXPORT_LANGUAGES } from '../common/export/export-labels';
import { SOURCE_DEFINITIONS } from './registry';
import { WORKER_STEPS } from './worker-steps';

describe('source registry', () => {
  it.each(EXPORT_LANGUAGES)('should give every connector source a name in %s when exports name the source', (lang) => {
    for (const definition of SOURCE_DEFINITIONS) expect(definition.names?.[lang].trim()).toBeTruthy();
  });

  it('should give the worker the same step as each definition when a run of that source starts', async () => {
    expect(Object.keys(WORKER_STEPS).sort()).toEqual(SOURCE_DEFINITIONS.map((definition) => definition.id).sort());
    for (const definition of SOURCE_DEFINITIONS) expect(await WORKER_STEPS[definition.id]()).toBe(await definition.loadStep());
  });
});
