/**
 * Default outgoing letter templates (editable in settings), in English and Latvian. Merge fields
 * in {{double braces}} are filled from the case and the organisation settings.
 */
import type { LetterLanguage, LetterTemplateId } from './letters';

export const MERGE_FIELDS = [
  'date',
  'reference',
  'complainant.name',
  'complainant.address',
  'organisation.name',
  'organisation.address',
  'receivedOn',
  'deadline.resolution',
  'extension.newDueAt',
  'extension.reason',
  'resolution.summary',
  'resolution.outcome',
  'independentAdvice',
  'sender.name',
] as const;

export const DEFAULT_LETTER_TEMPLATES: Record<LetterTemplateId, Record<LetterLanguage, string>> = {
  acknowledgement: {
    'en-GB':
      'Dear {{complainant.name}},\n\nThank you for your letter, which we received on {{receivedOn}}. We are sorry that you have had cause to complain.\n\nYour complaint is being investigated. Its reference number is {{reference}}: please quote it whenever you contact us.\n\nWe aim to send you our response by {{deadline.resolution}}.\n\nYours sincerely,\n\n{{sender.name}}\n{{organisation.name}}',
    lv: 'Cien. {{complainant.name}},\n\nPaldies par Jūsu vēstuli, ko saņēmām {{receivedOn}}. Mums žēl, ka Jums bija iemesls sūdzēties.\n\nJūsu sūdzība tiek izskatīta. Tās atsauces numurs ir {{reference}}: lūdzu, norādiet to, sazinoties ar mums.\n\nMūsu atbildi centīsimies nosūtīt līdz {{deadline.resolution}}.\n\nAr cieņu\n\n{{sender.name}}\n{{organisation.name}}',
  },
  'extension-notice': {
    'en-GB':
      'Dear {{complainant.name}},\n\nComplaint reference {{reference}}\n\nWe need more time to complete our investigation of your complaint: {{extension.reason}}\n\nWe will now send you our response by {{extension.newDueAt}}. We apologise for the delay and will keep you informed.\n\nYours sincerely,\n\n{{sender.name}}\n{{organisation.name}}',
    lv: 'Cien. {{complainant.name}},\n\nSūdzības atsauce {{reference}}\n\nMums vajag vairāk laika Jūsu sūdzības izmeklēšanai: {{extension.reason}}\n\nMūsu atbildi nosūtīsim līdz {{extension.newDueAt}}. Atvainojamies par kavēšanos un Jūs informēsim.\n\nAr cieņu\n\n{{sender.name}}\n{{organisation.name}}',
  },
  'stage1-resolution': {
    'en-GB':
      'Dear {{complainant.name}},\n\nComplaint reference {{reference}}\n\nWe have now investigated your complaint. {{resolution.summary}}\n\nIf you are not satisfied with this response, you can ask us to escalate your complaint to a senior manager by writing to {{organisation.address}}, quoting your reference.\n\nYours sincerely,\n\n{{sender.name}}\n{{organisation.name}}',
    lv: 'Cien. {{complainant.name}},\n\nSūdzības atsauce {{reference}}\n\nMēs esam izmeklējuši Jūsu sūdzību. {{resolution.summary}}\n\nJa neesat apmierināts ar šo atbildi, varat lūgt nodot sūdzību vadītājam, rakstot uz {{organisation.address}} un norādot atsauci.\n\nAr cieņu\n\n{{sender.name}}\n{{organisation.name}}',
  },
  'escalation-acknowledgement': {
    'en-GB':
      'Dear {{complainant.name}},\n\nComplaint reference {{reference}}\n\nWe have received your request to escalate your complaint. It has been passed to the head of the department concerned, who will review it and our initial response.\n\nYours sincerely,\n\n{{sender.name}}\n{{organisation.name}}',
    lv: 'Cien. {{complainant.name}},\n\nSūdzības atsauce {{reference}}\n\nEsam saņēmuši Jūsu lūgumu nodot sūdzību augstākā līmenī. Tā ir nodota attiecīgās nodaļas vadītājam, kurš pārskatīs to un mūsu sākotnējo atbildi.\n\nAr cieņu\n\n{{sender.name}}\n{{organisation.name}}',
  },
  'stage2-final-response': {
    'en-GB':
      'Dear {{complainant.name}},\n\nComplaint reference {{reference}}: our final response\n\n{{resolution.summary}}\n\nThis is our final response to your complaint. {{independentAdvice}}\n\nYours sincerely,\n\n{{sender.name}}\n{{organisation.name}}',
    lv: 'Cien. {{complainant.name}},\n\nSūdzības atsauce {{reference}}: mūsu galīgā atbilde\n\n{{resolution.summary}}\n\nŠī ir mūsu galīgā atbilde uz Jūsu sūdzību. {{independentAdvice}}\n\nAr cieņu\n\n{{sender.name}}\n{{organisation.name}}',
  },
};

/** Fills {{fields}}; an unknown field is left visible so the clerk notices it before finalising. */
export function mergeTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, field: string) => values[field] ?? whole);
}
