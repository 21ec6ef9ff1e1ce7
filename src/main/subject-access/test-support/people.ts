/**
 * Two people with similar names (issue 14, subject access): Anna Bērziņa, whose data is asked
 * for, and Annija Bērziņa, who must never turn up in Anna's search or export.
 */
export const anna = {
  kind: 'customer' as const,
  name: 'Anna Bērziņa',
  email: 'anna.berzina@example.lv',
  phone: '+371 2612 3456',
  preferredChannel: 'email' as const,
  address: { lines: ['Brīvības iela 1', 'Rīga'], postcode: 'LV-1010', country: 'LV' },
};

export const annija = {
  ...anna,
  name: 'Annija Bērziņa',
  email: 'annija@example.lv',
  phone: '+371 2999 0000',
  address: { lines: ['Dzirnavu iela 5', 'Rīga'], postcode: 'LV-1050', country: 'LV' },
};
