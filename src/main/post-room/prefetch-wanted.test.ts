/**
 * Issue 19, prefetch: the files wanted are those of the letters on the people's cases, whether
 * they have a few cases (asked for by case id) or hundreds (one pass over the letters), never the
 * files of voided letters, of letters on other cases or of letters on no case. Issue 18: the
 * cases' own files (attached to the complaint, a note or a communication) by the same rule.
 */
import type { RxCollection } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileRecord } from '../files/file-store';
import { PDF, PNG } from '../files/test-support/scan-files';
import { phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';
import type { StaffMember } from '../../shared/domain/records';
import type { CaseDocument } from '../domain/collections';
import type { LetterDocument } from './letters-collection';
import { wantedFiles, type PrefetchSources } from './prefetch-wanted';

interface LetterSeed {
  readonly id: string;
  readonly caseId: string | null;
  readonly voided: boolean;
}

const exec = <T>(value: T) => ({ exec: () => Promise.resolve(value) });

/** Collections answering just the queries wantedFiles makes: the member's cases, then letters by selector. */
function sources(caseIds: readonly string[], letters: readonly LetterSeed[], asked: object[]): PrefetchSources {
  const member = { id: 'amira', name: 'Amira Hassan', roles: ['caseworker'], departments: [], active: true } as unknown as StaffMember;
  const staff = { findByIds: () => exec(new Map([[member.id, member]])) } as unknown as RxCollection<StaffMember>;
  const cases = { find: () => exec(caseIds.map((id) => ({ id }))) } as unknown as RxCollection<CaseDocument>;
  const letterCollection = {
    find: ({ selector }: { selector: { caseId?: { $in: string[] }; voided: boolean } }) => {
      asked.push(selector);
      const listed = selector.caseId ? new Set(selector.caseId.$in) : null;
      const found = letters.filter((letter) => letter.voided === selector.voided && (!listed || (letter.caseId !== null && listed.has(letter.caseId))));
      return exec(found.map((letter) => ({ ...letter, files: [{ id: `${letter.id}-scan` }] })));
    },
  } as unknown as RxCollection<LetterDocument>;
  // Issue 18: file records owned by a case (its own files) and by a letter (reached through the letter).
  const owners = [caseIds[0]!, caseIds.at(-1)!, 'not-theirs', 'on-first'];
  const fileRecords = owners.map((ownerId, index) => ({ id: `owned-${index}`, ownerId }));
  const files = {
    find: ({ selector }: { selector: { ownerId?: { $in: string[] } } }) => {
      asked.push(selector);
      const listed = selector.ownerId ? new Set(selector.ownerId.$in) : null;
      return exec(fileRecords.filter((file) => !listed || listed.has(file.ownerId)));
    },
  } as unknown as RxCollection<FileRecord>;
  return { staff, cases, letters: letterCollection, files };
}

const someLetters = (caseIds: readonly string[]): LetterSeed[] => [
  { id: 'on-first', caseId: caseIds[0]!, voided: false },
  { id: 'on-last', caseId: caseIds.at(-1)!, voided: false },
  { id: 'voided', caseId: caseIds[0]!, voided: true },
  { id: 'other-case', caseId: 'not-theirs', voided: false },
  { id: 'no-case', caseId: null, voided: false },
];

describe('the files prefetch wants (issue 19)', () => {
  it.each([
    ['a few cases, asked for by case id', 3, true],
    ['hundreds of cases, one pass over the letters', 250, false],
  ])('%s', async (_label, count, byCaseId) => {
    const caseIds = Array.from({ length: count }, (_, index) => `case-${index}`);
    const asked: object[] = [];
    const files = await wantedFiles(sources(caseIds, someLetters(caseIds), asked), ['amira']);
    // The letters' scans and the cases' own files (owned-0 on the first case, owned-1 on the last).
    expect(files.sort()).toEqual(['on-first-scan', 'on-last-scan', 'owned-0', 'owned-1']);
    expect(asked).toHaveLength(2);
    expect('caseId' in asked[0]!).toBe(byCaseId);
    expect('ownerId' in asked[1]!).toBe(byCaseId);
  });
});

describe("a case's own files are prefetched like its letters (issue 18, issue 19)", () => {
  let t: TestDomain | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("the files attached to my case's complaint and note are wanted; another person's case's are not", async () => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    const upload = (name: string, data: Buffer) => ({ name, mimeType: '', dataBase64: data.toString('base64') });
    const web = {
      ...phoneComplaint,
      channel: 'web-form' as const,
      complainant: { ...phoneComplaint.complainant, preferredChannel: 'email' as const },
      receivedAt: '2026-11-25T09:00:00.000Z',
    };
    const mine = await t.call('cases.create', { ...web, assigneeId: t.me(), attachments: [upload('photo.png', PNG)] });
    await t.call('cases.addNote', { caseId: mine.caseId, text: 'The receipt', attachments: [upload('receipt.pdf', PDF)] });
    const other = await t.call('cases.create', { ...web, attachments: [upload('theirs.png', PNG)] });
    const db = t.services.domain!.db;
    // The post room's and the file store's collections, added to the same database by the services.
    const added = db.collections as unknown as Record<string, unknown>;
    const files = added['files'] as RxCollection<FileRecord>;
    const letters = added['letters'] as RxCollection<LetterDocument>;
    const named = async (ids: readonly string[]) => (await files.findByIds([...ids]).exec()).values();
    const wanted = await wantedFiles({ cases: db.cases, staff: db.staff, letters, files }, [t.me()]);
    expect([...(await named(wanted))].map((file) => `${file.ownerId === mine.caseId ? 'mine' : 'other'}:${file.name}`).sort()).toEqual([
      'mine:photo.png',
      'mine:receipt.pdf',
    ]);
    const theirs = (await files.find({ selector: { ownerId: other.caseId } }).exec()).map((file) => file.id);
    expect(theirs).toHaveLength(1);
    expect(wanted).not.toContain(theirs[0]);
  });
});
