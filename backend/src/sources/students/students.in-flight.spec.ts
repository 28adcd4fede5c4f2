import { InFlightPages } from './students.in-flight';

const page = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('InFlightPages', () => {
  it('should lay over a read the pages not committed when it was sent and those decided after, oldest first', () => {
    const pages = new InFlightPages<string>();
    const committed = pages.add(page({ a: 'committed' }));
    committed.land();
    const writing = pages.add(page({ a: 'writing' }));
    const ticket = pages.beforeRead();
    const later = pages.add(page({ a: 'later', b: 'later' }));

    expect(pages.missed(ticket)).toEqual([page({ a: 'writing' }), page({ a: 'later', b: 'later' })]);
    writing.land();
    later.land();
  });

  it('should still answer a page that committed after the read was sent, and nothing once the ticket is spent', () => {
    const pages = new InFlightPages<string>();
    const first = pages.add(page({ a: '1' }));
    const ticket = pages.beforeRead();
    first.land();
    const second = pages.add(page({ a: '2' }));
    second.land();

    expect(pages.missed(ticket)).toEqual([page({ a: '1' }), page({ a: '2' })]);
    expect(pages.missed(ticket)).toEqual([]);
  });

  it('should keep only the pages a read in flight may need', () => {
    const pages = new InFlightPages<string>();
    for (let i = 0; i < 100; i += 1) pages.add(page({ [`s${i}`]: 'x' })).land();
    expect(pages.size).toBe(0);

    const ticket = pages.beforeRead();
    pages.add(page({ a: 'after the read' })).land();
    expect(pages.size).toBe(1);
    pages.missed(ticket);
    pages.add(page({ b: 'next' })).land();
    expect(pages.size).toBe(0);
  });

  it('should lay nothing over reads when off (a dry run: every page is rolled back)', () => {
    const pages = new InFlightPages<string>(false);
    const ticket = pages.beforeRead();
    pages.add(page({ a: 'rolled back' }));
    expect(pages.missed(ticket)).toEqual([]);
    expect(pages.size).toBe(0);
  });
});
