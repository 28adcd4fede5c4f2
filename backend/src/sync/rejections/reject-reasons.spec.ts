import { fillReason, reasonSentence, reasonText, rejectionExportColumns, termLabel } from './reject-reasons';

const REASONS = { fa: { bad_code: 'کد {{value}} نادرست است' }, en: { bad_code: 'The code {{value}} is wrong' } };

describe('reject reasons', () => {
  it('should fill each placeholder and leave out one without a value', () => {
    expect(fillReason('a {{value}} b {{ field }} c {{missing}}.', { value: '12', field: 3 })).toBe('a 12 b 3 c .');
  });

  it('should give the sentence of a known code in the language asked and the stored text otherwise', () => {
    expect(reasonSentence(REASONS, 'fa', { code: 'bad_code', params: { value: '9' }, text: 'x' })).toBe('کد 9 نادرست است');
    expect(reasonSentence(REASONS, 'en', { code: 'unknown_code', params: {}, text: 'unknown_code' })).toBe('unknown_code');
    expect(reasonSentence(undefined, 'fa', { code: null, params: {}, text: 'invalid national code: 12' })).toBe('invalid national code: 12');
  });

  it('should keep the text of a row recorded before codes and fall back to the code when the source does not declare it', () => {
    expect(reasonText(REASONS, null, {}, 'old text')).toBe('old text');
    expect(reasonText(REASONS, 'bad_code', { value: '1' }, '')).toBe('The code 1 is wrong');
    expect(reasonText(REASONS, 'other_code', {}, '')).toBe('other_code');
  });

  it('should decode a term code in both languages and leave other text as it is', () => {
    expect(termLabel('4051', 'fa')).toBe('نیمسال اول 1405');
    expect(termLabel('4032', 'en')).toBe('Spring 1403');
    expect(termLabel('4043', 'en')).toBe('Summer 1404');
    expect(termLabel('2024', 'en')).toBe('2024');
  });

  it('should write one export row per key with its terms and reasons joined', () => {
    const row = { key: '40311', table: 'students', terms: ['4031', '4032'], reasons: [{ code: 'bad_code', params: { value: '7' }, text: '' }] };
    const fa = rejectionExportColumns('fa', REASONS).map((column) => column.value(row));
    const en = rejectionExportColumns('en', REASONS).map((column) => column.value(row));

    expect(fa).toEqual(['40311', 'نیمسال اول 1403، نیمسال دوم 1403', 'کد 7 نادرست است']);
    expect(en).toEqual(['40311', 'Autumn 1403, Spring 1403', 'The code 7 is wrong']);
  });
});
