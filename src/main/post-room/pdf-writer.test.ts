/**
 * The letter PDF (P-3.2, P-4.4, P-6.1 letters out): what it says, where it says it, and how a long
 * letter flows over pages. Read back with pdfjs, item by item with positions.
 */
import { describe, expect, it } from 'vitest';
import { letterPdf, paragraphsPdf, tablePdf } from './pdf-writer';

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const MARGIN = 56;

interface Item {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The font size the text was set in. */
  readonly size: number;
  readonly font: string;
}

async function itemsOf(pdf: Buffer): Promise<{ pages: number; items: Item[]; info: Record<string, unknown> }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const document = await task.promise;
  const items: Item[] = [];
  for (let page = 1; page <= document.numPages; page += 1) {
    const content = await (await document.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      items.push({
        page,
        text: item.str,
        x: item.transform[4] as number,
        y: item.transform[5] as number,
        width: item.width,
        size: item.transform[0] as number,
        font: item.fontName,
      });
    }
  }
  const pages = document.numPages;
  const info = (await document.getMetadata()).info as Record<string, unknown>;
  await task.destroy();
  return { pages, items, info };
}

const content = {
  organisation: { name: 'Welzo Limited', addressLines: ['833, 19-21 Crawford Street', 'London'], postcode: 'W1H 1PJ' },
  recipient: { name: 'Jānis Bērziņš', addressLines: ['Brīvības iela 1', 'Rīga'], postcode: 'LV-1010' },
  date: '25 November 2026',
  reference: '7KQ2-00A3-V',
  referenceLabel: 'Reference',
};

describe('a one-page letter', () => {
  it('carries the reference line, the body, the addresses and the footer, each where it belongs', async () => {
    const { pages, items } = await itemsOf(
      await letterPdf({ ...content, body: 'Dear Mr Bērziņš,\nWe have received your complaint about the leaking bottle.' }),
    );
    expect(pages).toBe(1);
    const texts = items.map((item) => item.text);
    // The bold line in the letter, distinct from the footer, which has no colon.
    expect(texts).toContain('Reference: 7KQ2-00A3-V');
    expect(texts).toContain('Reference 7KQ2-00A3-V');
    expect(texts).toContain('We have received your complaint about the leaking bottle.');
    expect(texts).toEqual(expect.arrayContaining(['Jānis Bērziņš', 'Brīvības iela 1', 'LV-1010', 'Welzo Limited', 'W1H 1PJ']));
    const footer = items.find((item) => item.text === 'Reference 7KQ2-00A3-V');
    expect(footer?.y).toBeLessThan(MARGIN);
    // The organisation's name is set flush right, the recipient flush left.
    const organisation = items.find((item) => item.text === 'Welzo Limited');
    expect((organisation?.x ?? 0) + (organisation?.width ?? 0)).toBeCloseTo(A4_WIDTH - MARGIN, 0);
    expect(items.find((item) => item.text === 'Jānis Bērziņš')?.x).toBeCloseTo(MARGIN, 0);
    // Reading order: sender, recipient, date, reference, body.
    const order = ['Welzo Limited', 'Jānis Bērziņš', '25 November 2026', 'Reference: 7KQ2-00A3-V', 'Dear Mr Bērziņš,'].map(
      (text) => items.find((item) => item.text === text)?.y ?? 0,
    );
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('wraps a long paragraph inside the margins', async () => {
    const sentence = 'The replacement monitor will be sent by tracked delivery within five working days. ';
    const { items } = await itemsOf(await letterPdf({ ...content, body: sentence.repeat(12) }));
    const body = items.filter((item) => item.text.includes('replacement') || item.text.includes('tracked') || item.text.includes('working'));
    expect(body.length).toBeGreaterThan(5);
    for (const item of body) {
      expect(item.x).toBeGreaterThanOrEqual(MARGIN - 0.5);
      expect(item.x + item.width).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 0.5);
    }
  });
});

describe('the layout of a letter', () => {
  // Laid out by hand from the writer's rules: text starts 56 pt below the top of an A4 page
  // (841.89 pt), each line takes 1.4 × its size, and blocks are followed by their gap.
  const top = A4_HEIGHT - MARGIN;

  it('sets each block in its size and weight, at the height the layout gives it', async () => {
    const { items, info } = await itemsOf(await letterPdf({ ...content, body: 'Dear  Mr Bērziņš,\n\nThank you.\n   \nYours sincerely' }));
    const at = (text: string) => {
      const item = items.find((candidate) => candidate.text === text);
      if (!item) throw new Error(`${text} is not in the letter`);
      return item;
    };
    const bold = at('Welzo Limited').font;
    expect(at('Welzo Limited')).toMatchObject({ size: 13 });
    expect(at('Welzo Limited').y).toBeCloseTo(top - 13, 1);
    // Organisation address at 10 pt: three lines from 18.2 pt lower.
    expect(at('833, 19-21 Crawford Street')).toMatchObject({ size: 10 });
    expect(at('833, 19-21 Crawford Street').y).toBeCloseTo(top - 18.2 - 10, 1);
    expect(at('W1H 1PJ').y).toBeCloseTo(top - 18.2 - 2 * 14 - 10, 1);
    expect(at('833, 19-21 Crawford Street').font).not.toBe(bold);
    // After the address block (3 × 14 pt) and its 24 pt gap, the recipient at 11 pt.
    const recipientTop = top - 18.2 - 3 * 14 - 24;
    expect(at('Jānis Bērziņš')).toMatchObject({ size: 11 });
    expect(at('Jānis Bērziņš').y).toBeCloseTo(recipientTop - 11, 1);
    // Four recipient lines (15.4 pt each) and an 18 pt gap, then the date, a 6 pt gap, the reference.
    const dateTop = recipientTop - 4 * 15.4 - 18;
    expect(at('25 November 2026').y).toBeCloseTo(dateTop - 11, 1);
    expect(at('Reference: 7KQ2-00A3-V')).toMatchObject({ size: 11, font: bold });
    expect(at('Reference: 7KQ2-00A3-V').y).toBeCloseTo(dateTop - 15.4 - 6 - 11, 1);
    // The body after a 12 pt gap; doubled spaces collapse; blank (or blank-looking) lines stay blank.
    const bodyTop = dateTop - 15.4 - 6 - 15.4 - 12;
    expect(at('Dear Mr Bērziņš,').y).toBeCloseTo(bodyTop - 11, 1);
    expect(at('Dear Mr Bērziņš,').font).not.toBe(bold);
    expect(at('Thank you.').y).toBeCloseTo(bodyTop - 2 * 15.4 - 11, 1);
    expect(at('Yours sincerely').y).toBeCloseTo(bodyTop - 4 * 15.4 - 11, 1);
    // The footer, small, near the foot of the page.
    expect(at('Reference 7KQ2-00A3-V')).toMatchObject({ size: 8, x: MARGIN });
    expect(at('Reference 7KQ2-00A3-V').y).toBeCloseTo(MARGIN / 2, 1);
    expect(info).toMatchObject({ Title: 'Reference 7KQ2-00A3-V', Creator: 'Plaint' });
  });

  it('leaves out empty address parts rather than printing blank lines', async () => {
    const { items } = await itemsOf(
      await letterPdf({
        ...content,
        organisation: { ...content.organisation, postcode: '' },
        recipient: { name: 'Ann Smith', addressLines: [], postcode: '' },
        body: 'Hello',
      }),
    );
    const recipient = items.find((item) => item.text === 'Ann Smith');
    const date = items.find((item) => item.text === '25 November 2026');
    // One recipient line (15.4 pt) and the 18 pt gap between the name and the date.
    expect((recipient?.y ?? 0) - (date?.y ?? 0)).toBeCloseTo(15.4 + 18, 1);
  });

  it('embeds only the glyphs it uses, so a letter stays small', async () => {
    expect((await letterPdf({ ...content, body: 'Short letter.' })).length).toBeLessThan(60_000);
  });
});

describe('a letter longer than a page', () => {
  it('flows onto further pages, every line inside the margins, in order, with the footer on each page', async () => {
    const lines = Array.from({ length: 150 }, (_, index) => `Line ${String(index + 1).padStart(3, '0')} of the letter body.`);
    const { pages, items } = await itemsOf(await letterPdf({ ...content, body: lines.join('\n') }));
    // 150 lines of 15.4 pt on pages with 729.89 pt between the margins: at least 4 pages.
    expect(pages).toBeGreaterThanOrEqual(4);
    const bodyItems = items.filter((item) => item.text.startsWith('Line '));
    expect(bodyItems.map((item) => item.text)).toEqual(lines);
    for (const item of bodyItems) {
      expect(item.y, item.text).toBeGreaterThanOrEqual(MARGIN);
      expect(item.y, item.text).toBeLessThanOrEqual(A4_HEIGHT - MARGIN);
    }
    for (let page = 1; page <= pages; page += 1)
      expect(
        items.some((item) => item.page === page && item.text === 'Reference 7KQ2-00A3-V'),
        `footer on page ${page}`,
      ).toBe(true);
    // Pages follow one another: each line is on the same page as the one before or the next page.
    for (let index = 1; index < bodyItems.length; index += 1) {
      const [before, after] = [bodyItems[index - 1]!, bodyItems[index]!];
      expect(after.page === before.page ? after.y < before.y : after.page === before.page + 1, after.text).toBe(true);
    }
  });
});

describe('the day book as a table', () => {
  it('has its title, the header and one line per row', async () => {
    const { items } = await itemsOf(
      await tablePdf(
        'Day book 2026-11-25',
        ['Direction', 'Date', 'Sender'],
        [
          ['In', '2026-11-25', 'Margaret Hale'],
          ['Out', '2026-11-25', 'Jānis Bērziņš'],
        ],
      ),
    );
    const texts = items.map((item) => item.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Day book 2026-11-25', 'Direction · Date · Sender', 'In · 2026-11-25 · Margaret Hale', 'Out · 2026-11-25 · Jānis Bērziņš']),
    );
    // Above the footer (which repeats the title).
    const at = (text: string) => items.find((item) => item.text === text && item.y > MARGIN);
    const top = A4_HEIGHT - MARGIN;
    expect(at('Day book 2026-11-25')).toMatchObject({ size: 14 });
    expect(at('Day book 2026-11-25')?.y).toBeCloseTo(top - 14, 1);
    // Title line 19.6 pt and its 10 pt gap; the header at 9 pt in bold; rows 12.6 pt + 2 pt apart.
    expect(at('Direction · Date · Sender')).toMatchObject({ size: 9, font: at('Day book 2026-11-25')?.font });
    expect(at('Direction · Date · Sender')?.y).toBeCloseTo(top - 19.6 - 10 - 9, 1);
    const first = at('In · 2026-11-25 · Margaret Hale');
    expect(first?.size).toBe(9);
    expect(first?.font).not.toBe(at('Day book 2026-11-25')?.font);
    expect(first?.y).toBeCloseTo(top - 19.6 - 10 - 12.6 - 4 - 9, 1);
    expect((first?.y ?? 0) - (at('Out · 2026-11-25 · Jānis Bērziņš')?.y ?? 0)).toBeCloseTo(12.6 + 2, 1);
  });
});

describe('a document of paragraphs (the subject-access summary, issue 14)', () => {
  it('sets each paragraph in its size and weight, with its gap, under the title and above the footer', async () => {
    const { items, info } = await itemsOf(
      await paragraphsPdf('Subject-access export — Anna Bērziņa', [
        { text: 'Subject-access export', bold: true, size: 16, gapAfter: 8 },
        { text: 'For: Anna Bērziņa', size: 10, gapAfter: 2 },
        { text: 'Called Anna back' },
      ]),
    );
    expect(info['Title']).toBe('Subject-access export — Anna Bērziņa');
    const top = A4_HEIGHT - MARGIN;
    const at = (text: string) => items.find((item) => item.text === text);
    expect(items.find((item) => item.text === 'Subject-access export — Anna Bērziņa')).toMatchObject({ y: MARGIN / 2, size: 8 });
    const heading = at('Subject-access export');
    expect(heading?.size).toBe(16);
    expect(heading?.y).toBeCloseTo(top - 16, 1);
    const line = at('For: Anna Bērziņa');
    expect(line?.size).toBe(10);
    expect(line?.font).not.toBe(heading?.font);
    expect(line?.y).toBeCloseTo(top - 16 * 1.4 - 8 - 10, 1);
    // No size: 11 pt, as letters are.
    expect(at('Called Anna back')).toMatchObject({ size: 11 });
    expect(at('Called Anna back')?.y).toBeCloseTo(top - 16 * 1.4 - 8 - 10 * 1.4 - 2 - 11, 1);
  });
});
