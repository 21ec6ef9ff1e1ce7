/**
 * Dates typed the way a clerk types them: 24/11/2026, 24.11.2026, 24-11-2026, 2026-11-24, or
 * just 24/11 (this year). Returns 'YYYY-MM-DD', or null when it is not a real date.
 */
export function parseTypedDate(text: string, today = new Date()): string | null {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), dmy[3] ? Number(dmy[3].length === 2 ? `20${dmy[3]}` : dmy[3]) : today.getFullYear()];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function formatTypedDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${day}/${month}/${year}`;
}
