/**
 * The layer rules in eslint.config.js bite: a deliberately wrong import, linted as if it stood in
 * the named file, is refused with the layer's message; the same file's allowed imports pass; and
 * an import that closes a loop is a cycle. Likewise the casts that switch type checking off. Nothing is written: ESLint lints the text in memory and
 * resolves its imports against the real tree.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` standing at `file` (relative to the repository). */
async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layers inside the main process', () => {
  it.each([
    ['the domain importing the transport errors', 'src/main/domain/layer-probe.ts', "export { ApiError } from '../../shared/api/errors';"],
    ['the domain importing the API types', 'src/main/domain/layer-probe.ts', "export type { SettingsSnapshot } from '../../shared/api/types/settings';"],
    ['the domain importing a handler', 'src/main/domain/layer-probe.ts', "export { settingsHandlers } from '../api/handlers/settings-handlers';"],
    ['the domain importing sync', 'src/main/domain/layer-probe.ts', "export { SYNC_ACTOR } from '../sync/conflict-handlers';"],
    ['the domain importing the notifier', 'src/main/domain/layer-probe.ts', "export { DeadlineNotifier } from '../notifier/deadline-notifier';"],
    ['storage importing the domain', 'src/main/storage/layer-probe.ts', "export { systemClock } from '../domain/clock';"],
    ['the database importing the domain', 'src/main/database/layer-probe.ts', "export { caseSearchText } from '../domain/collections';"],
    ['a handler opening the database', 'src/main/api/handlers/layer-probe.ts', "export { openPlaintDatabase } from '../../database/plaint-database';"],
    ['sync importing an API handler', 'src/main/sync/layer-probe.ts', "export { notificationCentre } from '../api/handlers/notification-handlers';"],
    ['the domain importing reports', 'src/main/domain/layer-probe.ts', "export { ReportService } from '../reports/report-service';"],
    ['reports importing sync', 'src/main/reports/layer-probe.ts', "export { SYNC_ACTOR } from '../sync/conflict-handlers';"],
    ['the Electron adapter reaching into the domain', 'src/main/electron/layer-probe.ts', "export { CaseService } from '../domain/case-service';"],
    ['backup importing an API handler', 'src/main/backup/layer-probe.ts', "export { settingsHandlers } from '../api/handlers/settings-handlers';"],
    ['backup importing the domain', 'src/main/backup/layer-probe.ts', "export { systemClock } from '../domain/clock';"],
  ])('refuses %s', async (_name, file, code) => {
    expect(await refusals(file, code)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['the domain importing the shared domain error', 'src/main/domain/layer-probe.ts', "export { DomainError } from '../../shared/domain/domain-error';"],
    ['a handler calling a domain service', 'src/main/api/handlers/layer-probe.ts', "export type { DomainServices } from '../../domain/domain-services';"],
    ['the API mapping storage errors', 'src/main/api/layer-probe.ts', "export { StorageError } from '../storage/storage-errors';"],
    ['reports reading the domain', 'src/main/reports/layer-probe.ts', "export { visibleSelector } from '../domain/case-visibility';"],
    ['sync reading the domain', 'src/main/sync/layer-probe.ts', "export { withDerivedFields } from '../domain/case-derivation';"],
    ['backup reaching the storage connection', 'src/main/backup/layer-probe.ts', "export { unwrapSqliteInstance } from '../storage';"],
  ])('allows %s', async (_name, file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });

  // The same rules through the path aliases (path-aliases.ts): the resolver sees through `@main/…`.
  it.each([
    ['the domain importing the transport errors by alias', 'src/main/domain/layer-probe.ts', "export { ApiError } from '@shared/api/errors';"],
    ['the domain importing sync by alias', 'src/main/domain/sub/layer-probe.ts', "export { SYNC_ACTOR } from '@main/sync/conflict-handlers';"],
    ['storage importing the domain by alias', 'src/main/storage/layer-probe.ts', "export { systemClock } from '@main/domain/clock';"],
    ['a handler opening the database by alias', 'src/main/api/handlers/layer-probe.ts', "export { openPlaintDatabase } from '@main/database/plaint-database';"],
  ])('refuses %s', async (_name, file, code) => {
    expect(await refusals(file, code)).toContain('import-x/no-restricted-paths');
  });

  it('allows the domain importing the shared domain error by alias', async () => {
    expect(await refusals('src/main/domain/layer-probe.ts', "export { DomainError } from '@shared/domain/domain-error';")).toEqual([]);
  });

  it('refuses an import cycle closed through an alias', async () => {
    expect(await refusals('src/main/domain/clock.ts', "export { CaseService } from '@main/domain/case-service';")).toContain('import-x/no-cycle');
  });

  it('refuses an import cycle', async () => {
    // case-service.ts imports newId from clock.ts; clock.ts importing case-service closes the loop.
    expect(await refusals('src/main/domain/clock.ts', "export { CaseService } from './case-service';")).toContain('import-x/no-cycle');
  });
});

describe('the edges of the renderer and of shared code, through the aliases', () => {
  it.each([
    [
      'the renderer importing the main process by alias',
      'src/renderer/src/features/probe/Probe.tsx',
      "export { CaseService } from '@main/domain/case-service';",
    ],
    ['the renderer importing the preload by alias', 'src/renderer/src/probe.ts', "export * from '@preload/index';"],
    ['shared code importing the main process by alias', 'src/shared/domain/probe.ts', "export { systemClock } from '@main/domain/clock';"],
    ['shared code importing the renderer by alias', 'src/shared/domain/probe.ts', "export * from '@renderer/i18n/i18n';"],
  ])('refuses %s', async (_name, file, code) => {
    expect(await refusals(file, code)).toContain('no-restricted-imports');
  });

  it('allows the renderer importing shared code by alias', async () => {
    expect(await refusals('src/renderer/src/features/probe/probe.ts', "export { DomainError } from '@shared/domain/domain-error';")).toEqual([]);
  });
});

// Issue 12: the holiday rules are most of the first paint's script; the case screens count working days over the settings' table.
describe("the holiday rules stay out of the renderer's first paint", () => {
  it.each([
    ['the case list loading date-holidays', 'src/renderer/src/features/cases/Probe.tsx', "export { default } from 'date-holidays';"],
    [
      'a common formatter loading the holiday rules by alias',
      'src/renderer/src/common/probe.ts',
      "export { createWorkingCalendar } from '@shared/sla/public-holidays';",
    ],
    [
      'the settings context loading them by path',
      'src/renderer/src/settings/probe.ts',
      "export { publicHolidaysByRule } from '../../../shared/sla/public-holidays';",
    ],
  ])('refuses %s', async (_name, file, code) => {
    expect(await refusals(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['the calendar settings screen', 'src/renderer/src/features/settings/probe.tsx'],
    ['a renderer test', 'src/renderer/src/common/probe.test.ts'],
  ])('allows %s to use the rules', async (_name, file) => {
    expect(await refusals(file, "export { createWorkingCalendar } from '@shared/sla/public-holidays';")).toEqual([]);
  });
});

describe('casts that switch the type checker off', () => {
  it.each([
    ['`as never` in the main process', 'src/main/domain/cast-probe.ts', 'export const id = (value: unknown): string => value as never;'],
    ['`as unknown as` in shared code', 'src/shared/domain/cast-probe.ts', 'export const id = (value: number): string => value as unknown as string;'],
    ['`as never` in the renderer', 'src/renderer/src/cast-probe.ts', 'export const id = (value: unknown): string => value as never;'],
  ])('are refused: %s', async (_name, file, code) => {
    expect(await refusals(file, code)).toContain('no-restricted-syntax');
  });

  it('are allowed in tests, which fake what they need', async () => {
    expect(await refusals('src/main/domain/cast-probe.test.ts', 'export const id = (value: unknown): string => value as never;')).toEqual([]);
  });
});
