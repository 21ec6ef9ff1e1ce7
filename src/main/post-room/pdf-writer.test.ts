/**
 * The letter PDF (P-3.2, P-4.4, P-6.1 letters out): what it says, where it says it, and how a long
 * letter flows over pages. Read back with pdfjs, item by item with positions.
 */
import { describe, expect, it } from 'vitest';
import { letterPdf, tablePdf } from './pdf-writer';

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const MARGIN = 56;

interface Item {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

async function itemsOf(pdf: Buffer): Promise<{ pages: number; items: Item[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const document = await task.promise;
  const items: Item[] = [];
  for (let page = 1; page <= document.numPages; page += 1) {
    const content = await (await document.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      items.push({ page, text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width });
    }
  }
  const pages = document.numPages;
  await task.destroy();
  return { pages, items };
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
    const { pages, items } = await itemsOf(await letterPdf({ ...content, body: 'Dear Mr Bērziņš,\nWe have received your complaint about the leaking bottle.' }));
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
    const order = ['Welzo Limited', 'Jānis Bērziņš', '25 November 2026', 'Reference: 7KQ2-00A3-V', 'Dear Mr Bērziņš,'].map((text) => items.find((item) => item.text === text)?.y ?? 0);
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
    for (let page = 1; page <= pages; page += 1) expect(items.some((item) => item.page === page && item.text === 'Reference 7KQ2-00A3-V'), `footer on page ${page}`).toBe(true);
    // Pages follow one another: each line is on the same page as the one before or the next page.
    for (let index = 1; index < bodyItems.length; index += 1) {
      const [before, after] = [bodyItems[index - 1]!, bodyItems[index]!];
      expect(after.page === before.page ? after.y < before.y : after.page === before.page + 1, after.text).toBe(true);
    }
  });
});

describe('the day book as a table', () => {
  it('has its title, the header and one line per row', async () => {
    const { items } = await itemsOf(await tablePdf('Day book 2026-11-25', ['Direction', 'Date', 'Sender'], [['In', '2026-11-25', 'Margaret Hale'], ['Out', '2026-11-25', 'Jānis Bērziņš']]));
    const texts = items.map((item) => item.text);
    expect(texts).toEqual(expect.arrayContaining(['Day book 2026-11-25', 'Direction · Date · Sender', 'In · 2026-11-25 · Margaret Hale', 'Out · 2026-11-25 · Jānis Bērziņš']));
  });
});
