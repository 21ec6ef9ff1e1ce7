/** Which page's code a route needs, so the window loads it while it starts. */
import { describe, expect, it } from 'vitest';
import { pageForPath, pathOfHash } from './pages';

describe('the page of a route', () => {
  it.each([
    ['', 'caseList'],
    ['#/', 'caseList'],
    ['#/cases', 'caseList'],
    ['#/cases/view/breached', 'caseList'],
    ['#/cases/new', 'newCase'],
    ['#/case/3f2a', 'workspace'],
    ['#/post-room', 'postRoom'],
    ['#/settings/calendar', 'settings'],
    ['#/reports', 'reports'],
    ['#/improvements', 'improvements'],
    ['#/reports/monthly/2026-11', 'monthlyReport'],
    ['#/cases/alert/n42', 'alertCases'],
    ['#/no/such/place', 'caseList'],
  ])('%s shows %s', (hash, page) => expect(pageForPath(pathOfHash(hash))).toBe(page));
});
