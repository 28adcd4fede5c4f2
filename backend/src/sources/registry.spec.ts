import { EXPORT_LANGUAGES } from '../common/export/export-labels';
import { SOURCE_DEFINITIONS } from './registry';

describe('source registry', () => {
  it.each(EXPORT_LANGUAGES)('should give every connector source a name in %s when exports name the source', (lang) => {
    for (const definition of SOURCE_DEFINITIONS) expect(definition.names?.[lang].trim()).toBeTruthy();
  });
});
