import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/text/dates.ts';

/** The dates found, without where they stand. */
const datesIn = (text: string) => findDates(text).map(({ text: t, iso }) => ({ text: t, iso }));

describe('findDates', () => {
  it('reads a timestamp line and full dates in either order', () => {
    expect(datesIn('June 18, 2021 - 11:28')).toEqual([{ text: 'June 18, 2021 - 11:28', iso: '2021-06-18' }]);
    expect(datesIn('on 13 July 2021 and date 2020-08-12')).toEqual([
      { text: '13 July 2021', iso: '2021-07-13' },
      { text: '2020-08-12', iso: '2020-08-12' },
    ]);
  });

  it('reads months, bare years, weekdays and dates with no year, as precisely as they are written', () => {
    expect(datesIn('Back in August 2019, in 2018, on Tuesday, ended on March 20')).toEqual([
      { text: 'August 2019', iso: '2019-08' },
      { text: '2018', iso: '2018' },
      { text: 'Tuesday', iso: null },
      { text: 'March 20', iso: null },
    ]);
  });

  it('does not read plain numbers as dates', () => {
    expect(datesIn('72 export consortiums and 65 companies')).toEqual([]);
  });

  it('does not read words relative to today as dates: an article\'s "now" is not ours', () => {
    expect(datesIn('Now, today, last week and this year, 2 years ago, the council may act.')).toEqual([]);
  });

  it('gives where each date stands in the text', () => {
    expect(findDates('Met in 2018.')).toEqual([{ text: '2018', iso: '2018', span: [7, 11] }]);
  });
});
