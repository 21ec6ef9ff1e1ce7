/** Issue 18: an export asks for the list as shown, with headings and words in the person's language. */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { exportRequest } from './case-export';

describe('the export request', () => {
  it('carries the list (filters, search, sort) and Latvian headings and words for a Latvian user', () => {
    const t = createI18n('lv').t;
    const request = exportRequest(t, 'lv', { filters: { open: true }, search: 'refund', sort: { field: 'receivedAt', direction: 'desc' } }, 'xlsx');
    expect(request).toMatchObject({
      filters: { open: true },
      search: 'refund',
      sort: { field: 'receivedAt', direction: 'desc' },
      format: 'xlsx',
      language: 'lv',
      name: 'lietas',
    });
    expect(request.header).toEqual([
      'Lietas numurs',
      'Sūdzības iesniedzējs',
      'Veids',
      'Kanāls',
      'Posms',
      'Posms un statuss',
      'Atbildīgais',
      'Saņemta',
      'Nākamais termiņš',
    ]);
    expect(request.words).toMatchObject({ closed: 'Slēgta', email: 'E-pasts', 'stage-2': '2. posms' });
  });
});
