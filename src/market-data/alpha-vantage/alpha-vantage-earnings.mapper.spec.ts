import { calendarDates } from './alpha-vantage-earnings.mapper.js';

describe('calendarDates', () => {
  const header = 'symbol,name,reportDate,fiscalDateEnding,estimate,currency,timeOfTheDay';

  it('reads the report dates of the symbol only, soonest first, past a quoted name holding a comma', () => {
    const csv = [header, 'BRK.B,"Berkshire Hathaway, Inc",2025-08-02,2025-06-30,4.8,USD,', 'AAPL,Apple Inc,2025-07-31,2025-06-30,1.4,USD,post-market', 'BRK.B,"Berkshire Hathaway, Inc",2025-05-03,2025-03-31,4.6,USD,'].join('\r\n');
    expect(calendarDates(csv, 'BRK.B')).toEqual([Date.parse('2025-05-03T13:30:00Z'), Date.parse('2025-08-02T13:30:00Z')]);
  });

  it('answers none for the header alone or a date it cannot read', () => {
    expect(calendarDates(`${header}\r\n`, 'IBM')).toEqual([]);
    expect(calendarDates(`${header}\r\nIBM,IBM,soon,2025-03-31,1,USD,`, 'IBM')).toEqual([]);
  });
});
