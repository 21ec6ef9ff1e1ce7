/**
 * Issue 18: the outgoing letters chosen, printed as one document (one letter per A4 page: the
 * organisation's address, the recipient's, the date and the letter's text) or as address labels
 * (A4 sheets of 3 × 7). Rendered into a node of its own under <body>, which print CSS shows alone
 * (print-sheet.css); the browser's or Electron's print dialog then prints it.
 */
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { LetterRecord } from '@shared/domain/letters';
import { useFormatters } from '@renderer/common/format';
import { useSettings } from '@renderer/settings/SettingsContext';
import { labelLines, labelSheets } from './label-sheet';
import './print-sheet.css';

export type PrintJob = { readonly kind: 'letters' | 'labels'; readonly letters: readonly LetterRecord[] };

export function LetterPages({ letters }: { readonly letters: readonly LetterRecord[] }) {
  const { settings } = useSettings();
  const { longDay } = useFormatters();
  const organisation = settings.organisation;
  const sender = [organisation.name, ...organisation.addressLines, organisation.postcode].filter(Boolean).join('\n');
  return (
    <>
      {letters.map((letter) => (
        <section key={letter.id} className="plaint-print-letter" data-testid="printed-letter">
          <div className="plaint-print-sender">{sender}</div>
          <div className="plaint-print-recipient">{labelLines(letter.party, organisation.country).join('\n')}</div>
          {letter.finalisedAt ? <div className="plaint-print-date">{longDay(letter.finalisedAt.slice(0, 10))}</div> : null}
          <div className="plaint-print-body">{letter.text}</div>
        </section>
      ))}
    </>
  );
}

export function LabelSheets({ letters }: { readonly letters: readonly LetterRecord[] }) {
  const { settings } = useSettings();
  return (
    <>
      {labelSheets(letters).map((sheet, index) => (
        <div key={index} className="plaint-label-sheet" data-testid="label-sheet">
          {sheet.map((letter) => (
            <div key={letter.id} className="plaint-label" data-testid="address-label">
              {labelLines(letter.party, settings.organisation.country).join('\n')}
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

/** Renders the job for print, opens the print dialog once it is on the page, and says when it is done. */
export function PrintOutgoing({
  job,
  onDone,
  print = () => window.print(),
}: {
  readonly job: PrintJob;
  readonly onDone: () => void;
  readonly print?: () => void;
}) {
  useEffect(() => {
    // window.print() returns once the dialog is closed (printed or cancelled).
    print();
    onDone();
  }, [job]); // eslint-disable-line react-hooks/exhaustive-deps -- once per job
  return createPortal(
    <div className="plaint-print-root">{job.kind === 'letters' ? <LetterPages letters={job.letters} /> : <LabelSheets letters={job.letters} />}</div>,
    document.body,
  );
}
