import { fixture, fixtureText } from './moodle-fixtures';
import { toMoodleXml, toMoodleXmlError } from './moodle-xml';

describe('Moodle XML', () => {
  it('should write the captured site info byte for byte when given its JSON and the null field XML keeps', () => {
    const info = { ...(fixture('core_webservice_get_site_info.json') as object), usersessionscount: null };
    expect(toMoodleXml(info)).toBe(fixtureText('core_webservice_get_site_info.xml'));
  });

  it('should write the captured error body byte for byte when given the JSON error', () => {
    expect(toMoodleXmlError(fixture('error-invalidtoken.json') as never)).toBe(fixtureText('error-invalidtoken.xml'));
  });

  it('should escape markup when a value holds it', () => {
    expect(toMoodleXml({ name: 'a & <b> "c"' })).toContain('<VALUE>a &amp; &lt;b&gt; &quot;c&quot;</VALUE>');
  });
});
