/**
 * The renderer counts working days over the table of public holidays the main process sends with
 * the settings (issue 12: date-holidays stays out of its first paint). Over the years the table
 * covers, it must answer exactly as the holiday rules do (procedure, "Working days"); outside them
 * it must refuse, never count a year as one without holidays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, createTableCalendar, explainWorkingDays, publicHolidayTable, workingDaysBetween, WorkingCalendarError, TABLE_YEARS } from './index';
import { createWorkingCalendar, publicHolidaysByRule } from './public-holidays';

const now = new Date('2026-12-08T10:00:00Z');
const offices = [
  { region: 'GB-ENG', timeZone: 'Europe/London' },
  { region: 'GB-SCT', timeZone: 'Europe/London', closures: ['2026-12-24'] },
  { region: 'LV', timeZone: 'Europe/Riga', extraWorkingDays: ['2026-12-19'] },
];

describe('the holiday table sent with the settings', () => {
  it('covers the years around today: back past the 6-year retention (P-7.2), and years ahead', () => {
    const table = publicHolidayTable('GB-ENG', publicHolidaysByRule, now);
    expect(table.fromYear).toBe(2026 - TABLE_YEARS.before);
    expect(table.toYear).toBe(2026 + TABLE_YEARS.after);
    expect(TABLE_YEARS.before).toBeGreaterThan(6);
    // Known holidays, independently of the rules: England's Christmas 2026 on a Friday, Boxing Day on the
    // Saturday with its substitute day on Monday 28 December, and no holiday on the Tuesday after.
    expect(table.days['2026-12-25']).toBe('Christmas Day');
    expect(table.days['2026-12-26']).toBe('Boxing Day');
    expect(table.days['2026-12-28']).toMatch(/Boxing Day/);
    expect(table.days['2026-12-29']).toBeUndefined();
  });

  it.each(offices)('answers every covered year exactly as the holiday rules do ($region)', (office) => {
    const table = publicHolidayTable(office.region, publicHolidaysByRule, now);
    const byRule = createWorkingCalendar(office);
    const byTable = createTableCalendar(office, table);
    for (let year = table.fromYear; year <= table.toYear; year += 1) {
      expect([...byTable.holidays(year)], `${office.region} ${year}`).toStrictEqual([...byRule.holidays(year)]);
    }
  });

  it('counts and adds working days as the rules do, anywhere in the covered years (property)', () => {
    const pairs = offices.map((office) => ({
      byRule: createWorkingCalendar(office),
      byTable: createTableCalendar(office, publicHolidayTable(office.region, publicHolidaysByRule, now)),
    }));
    const within = fc.date({ min: new Date('2002-01-01T00:00:00Z'), max: new Date('2035-12-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.constantFrom(...pairs), within, fc.integer({ min: 0, max: 40 }), ({ byRule, byTable }, from, days) => {
        const due = addWorkingDays(byRule, from, days);
        expect(addWorkingDays(byTable, from, days)).toStrictEqual(due);
        expect(workingDaysBetween(byTable, from, due)).toBe(workingDaysBetween(byRule, from, due));
        expect(explainWorkingDays(byTable, from, days)).toStrictEqual(explainWorkingDays(byRule, from, days));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a year it does not cover instead of counting it without holidays', () => {
    const calendar = createTableCalendar(offices[0]!, publicHolidayTable('GB-ENG', publicHolidaysByRule, now));
    expect(() => calendar.holidays(2026 + TABLE_YEARS.after + 1)).toThrow(RangeError);
    expect(() => calendar.holidays(2026 - TABLE_YEARS.before - 1)).toThrow(/not in the table/);
  });

  it("refuses a calendar for another region than the table's, and a table for a region the rules do not know", () => {
    const england = publicHolidayTable('GB-ENG', publicHolidaysByRule, now);
    expect(() => createTableCalendar({ region: 'LV', timeZone: 'Europe/Riga' }, england)).toThrow(WorkingCalendarError);
    expect(() => publicHolidayTable('XX', publicHolidaysByRule, now)).toThrow(WorkingCalendarError);
  });
});
