/**
 * Letters and the day book as PDF (pdf-lib). DejaVu Sans is embedded (subset) because the
 * standard PDF fonts cannot write Latvian letters (ā, ē, ī, ņ, š, ž…); the text stays extractable.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const requireFromHere = createRequire(import.meta.url);
const fontDirectory = path.join(path.dirname(requireFromHere.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

function fonts(): { regular: Buffer; bold: Buffer } {
  fontBytes ??= {
    regular: fs.readFileSync(path.join(fontDirectory, 'DejaVuSans.ttf')),
    bold: fs.readFileSync(path.join(fontDirectory, 'DejaVuSans-Bold.ttf')),
  };
  return fontBytes;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

class PageWriter {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.page = this.newPage();
    this.y = A4[1] - MARGIN;
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage(A4);
    page.drawText(this.footer, { x: MARGIN, y: MARGIN / 2, size: 8, font: this.regular, color: rgb(0.35, 0.35, 0.35) });
    return page;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) {
      this.page = this.newPage();
      this.y = A4[1] - MARGIN;
    }
  }

  /** Writes a paragraph, wrapping words at the margin; blank lines stay blank. */
  paragraph(text: string, options: { size?: number; bold?: boolean; align?: 'left' | 'right'; gapAfter?: number } = {}): void {
    const size = options.size ?? 11;
    const font = options.bold ? this.bold : this.regular;
    const width = A4[0] - 2 * MARGIN;
    for (const rawLine of text.split('\n')) {
      const words = rawLine.split(/\s+/).filter(Boolean);
      if (words.length === 0) {
        this.y -= size * 1.4;
        continue;
      }
      let line = '';
      const flush = () => {
        this.ensure(size * 1.4);
        const lineWidth = font.widthOfTextAtSize(line, size);
        this.page.drawText(line, { x: options.align === 'right' ? A4[0] - MARGIN - lineWidth : MARGIN, y: this.y - size, size, font });
        this.y -= size * 1.4;
      };
      for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) > width && line) {
          flush();
          line = word;
        } else line = candidate;
      }
      if (line) flush();
    }
    this.y -= options.gapAfter ?? 0;
  }
}

export interface LetterPdfContent {
  readonly organisation: { readonly name: string; readonly addressLines: readonly string[]; readonly postcode: string };
  readonly recipient: { readonly name: string; readonly addressLines: readonly string[]; readonly postcode: string };
  readonly date: string;
  readonly reference: string;
  readonly body: string;
  readonly referenceLabel: string;
}

async function documentWithFonts(title: string): Promise<{ pdf: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  pdf.setCreator('Plaint');
  const { regular, bold } = fonts();
  return { pdf, regular: await pdf.embedFont(regular, { subset: true }), bold: await pdf.embedFont(bold, { subset: true }) };
}

export async function letterPdf(content: LetterPdfContent): Promise<Buffer> {
  const { pdf, regular, bold } = await documentWithFonts(`${content.referenceLabel} ${content.reference}`);
  const writer = new PageWriter(pdf, regular, bold, `${content.referenceLabel} ${content.reference}`);
  writer.paragraph(content.organisation.name, { bold: true, size: 13, align: 'right' });
  writer.paragraph([...content.organisation.addressLines, content.organisation.postcode].filter(Boolean).join('\n'), {
    size: 10,
    align: 'right',
    gapAfter: 24,
  });
  writer.paragraph([content.recipient.name, ...content.recipient.addressLines, content.recipient.postcode].filter(Boolean).join('\n'), { gapAfter: 18 });
  writer.paragraph(content.date, { align: 'right', gapAfter: 6 });
  writer.paragraph(`${content.referenceLabel}: ${content.reference}`, { bold: true, gapAfter: 12 });
  writer.paragraph(content.body);
  return Buffer.from(await pdf.save());
}

export async function tablePdf(title: string, header: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  const { pdf, regular, bold } = await documentWithFonts(title);
  const writer = new PageWriter(pdf, regular, bold, title);
  writer.paragraph(title, { bold: true, size: 14, gapAfter: 10 });
  writer.paragraph(header.join(' · '), { bold: true, size: 9, gapAfter: 4 });
  for (const row of rows) writer.paragraph(row.join(' · '), { size: 9, gapAfter: 2 });
  return Buffer.from(await pdf.save());
}

export interface PdfParagraph {
  readonly text: string;
  readonly bold?: boolean;
  readonly size?: number;
  readonly gapAfter?: number;
}

/** A document of headed paragraphs (the subject-access summary, issue 14). */
export async function paragraphsPdf(title: string, paragraphs: readonly PdfParagraph[]): Promise<Buffer> {
  const { pdf, regular, bold } = await documentWithFonts(title);
  const writer = new PageWriter(pdf, regular, bold, title);
  for (const paragraph of paragraphs) writer.paragraph(paragraph.text, paragraph);
  return Buffer.from(await pdf.save());
}
