import { findProvinceName, PROVINCE_NAMES } from './province';

describe('findProvinceName', () => {
  it('should know all 31 provinces when the list is read', () => {
    expect(new Set(PROVINCE_NAMES).size).toBe(31);
  });

  it('should find every province when its name stands alone', () => {
    for (const name of PROVINCE_NAMES) expect(findProvinceName(name)).toBe(name);
  });

  it('should find the province when it is written inside free text', () => {
    expect(findProvinceName('دانشگاه آزاد اسلامی استان اصفهان')).toBe('اصفهان');
    expect(findProvinceName('منطقه ۸ - خراسان رضوی')).toBe('خراسان رضوی');
  });

  it('should tell Kermanshah from Kerman when one name contains the other', () => {
    expect(findProvinceName('استان کرمانشاه')).toBe('کرمانشاه');
    expect(findProvinceName('استان کرمان شاه')).toBe('کرمانشاه');
    expect(findProvinceName('واحد کرمان')).toBe('کرمان');
  });

  it('should accept spacing and alef variants when names are written loosely', () => {
    expect(findProvinceName('چهار محال و بختیاری')).toBe('چهارمحال و بختیاری');
    expect(findProvinceName('سیستان وبلوچستان')).toBe('سیستان و بلوچستان');
    expect(findProvinceName('اذربایجان شرقی')).toBe('آذربایجان شرقی');
    expect(findProvinceName('کهگیلویه و بویر احمد')).toBe('کهگیلویه و بویراحمد');
  });

  it('should not take Markazi when "مرکزی" only describes a Tehran campus or the central office', () => {
    expect(findProvinceName('واحد تهران مرکزی')).toBe('تهران');
    expect(findProvinceName('سازمان مرکزی')).toBeNull();
    expect(findProvinceName('استان مرکزی - اراک')).toBe('مرکزی');
  });

  it('should prefer the name after "استان" when the text names a city that is also a province', () => {
    expect(findProvinceName('واحد تهران - استان البرز')).toBe('البرز');
    expect(findProvinceName('واحد تهران، داستان قم')).toBe('تهران');
  });

  it('should not take Fars when the text names the Persian Gulf', () => {
    expect(findProvinceName('دانشگاه خلیج فارس بوشهر')).toBe('بوشهر');
  });

  it('should not match a name inside a longer word when it is part of one', () => {
    expect(findProvinceName('زبان فارسی')).toBeNull();
    expect(findProvinceName('قمصر')).toBeNull();
  });

  it('should return null when there is no text', () => {
    expect(findProvinceName(null)).toBeNull();
    expect(findProvinceName('')).toBeNull();
  });
});
