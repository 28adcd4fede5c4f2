import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDigits, cleanPersianText, repairMojibake, toAsciiDigits } from './clean-text';

// What a program does when it reads UTF-8 bytes as Windows-1252 (the WHATWG decoder keeps undefined bytes as C1 controls).
const asMisdecoded = (text: string) => new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));

describe('cleanPersianText', () => {
  it('should turn Arabic yeh, alef maksura and kaf into Persian letters when they appear', () => {
    expect(cleanPersianText('علي كريمي مصطفى')).toBe('علی کریمی مصطفی');
  });

  it('should trim and collapse whitespace when spaces, tabs and no-break spaces are stray', () => {
    expect(cleanPersianText('  حسن \t\u00A0 رضایی  ')).toBe('حسن رضایی');
  });

  it('should drop ZWNJ at word edges and collapse repeated ZWNJ when the text has stray joiners', () => {
    expect(cleanPersianText('\u200Cمی\u200C\u200Cخواهم \u200Cبروم\u200C')).toBe('می\u200Cخواهم بروم');
  });

  it('should keep a ZWNJ between two letters when it is part of the word', () => {
    expect(cleanPersianText('پژوهش\u200Cگر')).toBe('پژوهش\u200Cگر');
  });

  it('should remove zero-width spaces, bidi marks and tatweel when they hide in the text', () => {
    expect(cleanPersianText('\uFEFF\u200Fمحـمد\u200B')).toBe('محمد');
  });

  it('should turn Arabic presentation forms into plain letters when an old system sent them', () => {
    expect(cleanPersianText('\uFEDB\uFEAE\uFEE3\uFEE8')).toBe(cleanPersianText('كرمن'));
  });

  it('should leave teh marbuta and heh with yeh alone when a name is spelled with them', () => {
    expect(cleanPersianText('فاطمة خانهٔ ۀ')).toBe('فاطمة خانهٔ ۀ');
  });

  it('should return an empty string when the text holds only invisible characters', () => {
    expect(cleanPersianText(' \u200C\u200B ')).toBe('');
  });
});

describe('toAsciiDigits and cleanDigits', () => {
  it('should convert Persian and Arabic-Indic digits when they are mixed with ASCII ones', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ 42')).toBe('0123456789 0123456789 42');
  });

  it('should strip spaces, dashes and invisible marks when a number is formatted', () => {
    expect(cleanDigits(' ۰۹۱۲-۳۴۵ ۶۷\u200C۸۹ ')).toBe('09123456789');
  });

  it('should keep other characters when the value is not a number', () => {
    expect(cleanDigits('12a4')).toBe('12a4');
  });
});

describe('repairMojibake', () => {
  it('should restore a Persian name when its UTF-8 bytes were decoded as Windows-1252', () => {
    for (const name of ['فاطمه حسینی', 'محمدرضا پژوهش\u200Cگر', 'ژیلا چگینی کیا گودرزی']) {
      const damaged = asMisdecoded(name);
      expect(damaged).not.toBe(name);
      expect(repairMojibake(damaged)).toEqual({ text: name, damaged: true, repaired: true });
    }
  });

  it('should restore the text when it was decoded wrongly twice', () => {
    expect(repairMojibake(asMisdecoded(asMisdecoded('تهران')))).toEqual({ text: 'تهران', damaged: true, repaired: true });
  });

  it('should report damage it cannot undo when bytes were dropped, as in the real sample', () => {
    const sample = readFileSync(join(__dirname, 'fixtures', 'mojibake-sample.txt'), 'utf8');

    const result = repairMojibake(sample);

    expect(result.damaged).toBe(true);
    expect(result.repaired).toBe(false);
    // What survived is readable again: Hebrew words, emoji and the ASCII parts.
    expect(result.text).toContain('סנכרון');
    expect(result.text).toContain('📋');
    expect(result.text).toContain('Spike Platform');
    expect(result.text).not.toMatch(/×/);
  });

  it('should mark lost bytes with U+FFFD when the dropped byte belonged to a letter', () => {
    // ف is D9 81; 0x81 is undefined in Windows-1252 and the damaged sample shows such bytes were dropped.
    const dropped = asMisdecoded('فاطمه').replace(/\u0081/g, '');

    expect(repairMojibake(dropped)).toEqual({ text: '\uFFFDاطمه', damaged: true, repaired: false });
  });

  it('should leave clean text untouched when it is Persian, Hebrew, ASCII or accented Latin', () => {
    for (const text of ['فاطمه حسینی', 'מערכת סנכרון אוטומטי', 'plain ascii 123', 'café naïve Ø 5 × 3']) {
      expect(repairMojibake(text)).toEqual({ text, damaged: false, repaired: false });
    }
  });

  it('should not report damage again when the repaired sample is checked', () => {
    const sample = readFileSync(join(__dirname, 'fixtures', 'mojibake-sample.txt'), 'utf8');
    const repaired = repairMojibake(sample).text;

    expect(repairMojibake(repaired).damaged).toBe(false);
  });
});
