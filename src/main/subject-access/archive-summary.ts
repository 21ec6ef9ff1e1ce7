/**
 * Issue 14, subject access: the archive's readable part (`summary.pdf`), in English or Latvian:
 * who the export is for, each case with its details and timeline, the letters and the files in the
 * archive (issue 18: a case's own files under the case), and what was withheld with the reason
 * (never its content).
 */
import type { LetterLanguage } from '../../shared/domain/letters';
import type { CaseStatus } from '../../shared/domain/vocabulary';
import { paragraphsPdf, type PdfParagraph } from '../post-room/pdf-writer';
import type { ArchiveMeta } from './archive-records';
import type { ExportContent } from './withholding';

const LABELS = {
  'en-GB': {
    title: 'Subject-access export',
    for: 'For',
    organisation: 'Organisation',
    exportedAt: 'Exported',
    exportedBy: 'Exported by',
    // Issue 18: the files folder also holds a case's own files (attached to a complaint, a note or a message).
    intro:
      'This summary lists the personal data held about you. records.json holds the same records in machine-readable form, and the files folder holds the original letters and scans, and the files attached to your complaints, notes and messages.',
    cases: 'Complaints',
    case: 'Complaint',
    received: 'Received',
    status: 'Status',
    complainant: 'Complainant',
    summary: 'Summary',
    description: 'Description',
    desiredOutcome: 'Outcome wanted',
    resolution: 'Resolution',
    stage2Resolution: 'Stage-2 outcome',
    rootCauseNote: 'Root-cause note',
    lessonsLearned: 'Lessons learned',
    caseField: 'field of the complaint',
    timeline: 'What happened',
    redacted: 'Withheld',
    letters: 'Letters',
    letterIn: 'Letter received',
    letterOut: 'Letter sent',
    files: 'Files in the archive',
    withheld: 'Withheld entries',
    none: 'None',
    reason: 'reason',
  },
  lv: {
    title: 'Datu subjekta piekļuves eksports',
    for: 'Kam',
    organisation: 'Organizācija',
    exportedAt: 'Eksportēts',
    exportedBy: 'Eksportēja',
    intro:
      'Šajā kopsavilkumā ir uzskaitīti par jums glabātie personas dati. records.json satur tos pašus ierakstus mašīnlasāmā veidā, bet mapē files ir oriģinālās vēstules un skenējumi, kā arī faili, kas pievienoti jūsu sūdzībām, piezīmēm un ziņām.',
    cases: 'Sūdzības',
    case: 'Sūdzība',
    received: 'Saņemta',
    status: 'Statuss',
    complainant: 'Sūdzības iesniedzējs',
    summary: 'Kopsavilkums',
    description: 'Apraksts',
    desiredOutcome: 'Vēlamais iznākums',
    resolution: 'Risinājums',
    stage2Resolution: '2. posma lēmums',
    rootCauseNote: 'Pamatcēloņa piezīme',
    lessonsLearned: 'Gūtās atziņas',
    caseField: 'sūdzības lauks',
    timeline: 'Notikumu gaita',
    redacted: 'Neizpausts',
    letters: 'Vēstules',
    letterIn: 'Saņemtā vēstule',
    letterOut: 'Nosūtītā vēstule',
    files: 'Faili arhīvā',
    withheld: 'Neizpaustie ieraksti',
    none: 'Nav',
    reason: 'iemesls',
  },
} as const satisfies Record<LetterLanguage, Record<string, string>>;

/** The case's status in words (the renderer's own texts live in the renderer; the person reads these). */
const STATUSES: Record<LetterLanguage, Record<CaseStatus, string>> = {
  'en-GB': {
    received: 'Received',
    acknowledged: 'Acknowledged',
    investigating: 'Investigating',
    'awaiting-third-party': 'Awaiting third party',
    'resolution-communicated': 'Resolution communicated',
    'escalation-requested': 'Escalation requested',
    'escalation-acknowledged': 'Escalation acknowledged',
    'department-head-review': 'Department-head review',
    'stage2-resolution-communicated': 'Stage-2 outcome communicated',
    closed: 'Closed',
  },
  lv: {
    received: 'Saņemta',
    acknowledged: 'Apstiprināta saņemšana',
    investigating: 'Tiek izmeklēta',
    'awaiting-third-party': 'Gaida trešo pusi',
    'resolution-communicated': 'Risinājums paziņots',
    'escalation-requested': 'Lūgta eskalācija',
    'escalation-acknowledged': 'Eskalācija apstiprināta',
    'department-head-review': 'Nodaļas vadītāja pārskatīšanā',
    'stage2-resolution-communicated': '2. posma lēmums paziņots',
    closed: 'Slēgta',
  },
};

function day(iso: string): string {
  return iso.slice(0, 10);
}

export async function summaryPdf(content: ExportContent, meta: ArchiveMeta, paths: ReadonlyMap<string, string>, language: LetterLanguage): Promise<Buffer> {
  const label = LABELS[language];
  const out: PdfParagraph[] = [];
  const heading = (text: string) => out.push({ text, bold: true, size: 13, gapAfter: 4 });
  const line = (text: string, gapAfter = 2) => out.push({ text, size: 10, gapAfter });

  out.push({ text: label.title, bold: true, size: 16, gapAfter: 8 });
  line(`${label.for}: ${meta.subjectName}`);
  line(`${label.organisation}: ${meta.organisation}`);
  line(`${label.exportedAt}: ${meta.exportedAt}`);
  line(`${label.exportedBy}: ${meta.exportedBy}`, 8);
  line(label.intro, 12);

  heading(label.cases);
  if (content.cases.length === 0) line(label.none, 8);
  for (const { record, timeline, files } of content.cases) {
    out.push({ text: `${label.case} ${record.reference}`, bold: true, size: 11, gapAfter: 2 });
    line(`${label.received}: ${day(record.receivedAt)} · ${label.status}: ${STATUSES[language][record.status]}`);
    const { complainant } = record;
    line(
      `${label.complainant}: ${[complainant.name, complainant.email, complainant.phone, ...(complainant.address?.lines ?? []), complainant.address?.postcode ?? ''].filter(Boolean).join(', ')}`,
    );
    line(`${label.summary}: ${record.summary}`);
    if (record.description) line(`${label.description}: ${record.description}`);
    if (record.desiredOutcome) line(`${label.desiredOutcome}: ${record.desiredOutcome}`);
    for (const resolution of [record.resolution, record.stage2Resolution])
      if (resolution) line(`${label.resolution} (${resolution.outcome}): ${resolution.summary}`);
    out.push({ text: label.timeline, bold: true, size: 10, gapAfter: 2 });
    for (const entry of timeline) {
      line(
        'redacted' in entry
          ? `${day(entry.at)} · ${entry.kind} · [${label.redacted}: ${entry.redacted.reason}]`
          : `${day(entry.at)} · ${entry.by} · ${entry.text}`,
      );
    }
    for (const file of files) line(`${label.files}: ${paths.get(file.id) ?? file.name}`);
    out.push({ text: '', gapAfter: 6 });
  }

  heading(label.letters);
  if (content.letters.length === 0) line(label.none, 8);
  for (const letter of content.letters) {
    const what = `${letter.direction === 'in' ? label.letterIn : label.letterOut} ${day(letter.date)}${letter.caseReference ? ` · ${letter.caseReference}` : ''}`;
    if ('redacted' in letter) {
      line(`${what} · [${label.redacted}: ${letter.redacted.reason}]`, 6);
      continue;
    }
    out.push({ text: what, bold: true, size: 10, gapAfter: 2 });
    line(`${letter.record.party.name}${letter.record.summary ? ` · ${letter.record.summary}` : ''}`);
    if (letter.record.text) line(letter.record.text);
    for (const file of letter.files) line(`${label.files}: ${paths.get(file.id) ?? file.name}`);
    out.push({ text: '', gapAfter: 4 });
  }

  heading(label.withheld);
  if (content.withheld.length === 0) line(label.none);
  for (const entry of content.withheld) {
    const kind = entry.field ? `${label.caseField}: ${label[entry.field]}` : entry.kind;
    line(`${day(entry.at)} · ${kind}${entry.caseReference ? ` · ${entry.caseReference}` : ''} · ${label.reason}: ${entry.reason}`);
  }
  return paragraphsPdf(`${label.title} — ${meta.subjectName}`, out);
}
