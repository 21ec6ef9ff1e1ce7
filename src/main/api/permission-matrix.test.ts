/**
 * The permission matrix, generated from the contract: every API method × every role, and signed
 * out, through the real dispatcher. A method with no entry in the table fails here (and is refused
 * by the dispatcher: deny by default). A refusal changes nothing (the handler is never called) and
 * is logged.
 */
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/api/contract';
import { API_METHODS, type ApiMethodName } from '../../shared/api/names';
import { STAFF_ROLES, type StaffRole } from '../../shared/domain/vocabulary';
import { CASE_ACTIONS } from '../../shared/domain/workflow';
import { CASE_WORKFLOW } from '../../shared/domain/workflow/workflow-table';
import { can, canAct, METHOD_PERMISSIONS } from '../../shared/identity/permissions';
import type { Viewer } from '../../shared/identity/viewer';
import { createMemoryLogger } from '../logging/logger';
import { createDispatcher, type ApiHandlers } from './dispatcher';

const viewer = (roles: StaffRole[]): Viewer => ({ accountId: `id-${roles.join('-') || 'none'}`, name: roles.join(' ') || 'No role', roles, departments: [] });
const PEOPLE: readonly [string, Viewer | null][] = [
  ['signed out', null],
  ...STAFF_ROLES.map((role) => [role, viewer([role])] as [string, Viewer]),
  ['no role', viewer([])],
];

function harness(who: Viewer | null) {
  const called: string[] = [];
  const handlers = Object.fromEntries(API_METHODS.map((method) => [method, () => (called.push(method), { done: method })])) as unknown as ApiHandlers;
  const logger = createMemoryLogger();
  return { dispatch: createDispatcher(handlers, logger, { viewer: () => who }), called, logger };
}

describe('the permission table', () => {
  it('has an entry for every method of the contract, and none for a method the contract lacks', () => {
    const missing = Object.keys(apiMethods).filter((method) => !(method in METHOD_PERMISSIONS));
    expect(missing, 'methods with no permission entry').toEqual([]);
    expect(Object.keys(METHOD_PERMISSIONS).filter((method) => !(method in apiMethods))).toEqual([]);
  });

  it('lets signed-out callers use only app.* and the session methods', () => {
    const open = API_METHODS.filter((method) => can(null, method));
    expect(
      open.every((method) => method.startsWith('app.') || method.startsWith('session.')),
      open.join(', '),
    ).toBe(true);
    expect(open).toEqual(expect.arrayContaining(['app.info', 'session.signIn', 'session.current', 'session.unlock', 'session.signOut']));
  });

  it('gives every workflow action its roles from the workflow table; clerks and administrators act on no case', () => {
    for (const action of CASE_ACTIONS) {
      expect(CASE_WORKFLOW[action].roles.length, action).toBeGreaterThan(0);
      expect(canAct(viewer(['clerk']), action), action).toBe(false);
      expect(canAct(viewer(['administrator']), action), action).toBe(false);
      expect(canAct(viewer(['manager']), action), action).toBe(true);
      expect(canAct(null, action)).toBe(false);
    }
    expect(canAct(viewer(['caseworker']), 'acknowledge')).toBe(true);
    expect(canAct(viewer(['caseworker']), 'extendDeadline')).toBe(false);
    expect(canAct(viewer(['caseworker']), 'reopen')).toBe(false);
  });

  it('matches the roles of the issue', () => {
    const clerk = viewer(['clerk']);
    for (const method of ['post.logIncoming', 'post.list', 'post.logPosting', 'cases.create', 'cases.quickSearch'] as const)
      expect(can(clerk, method), method).toBe(true);
    for (const method of ['cases.get', 'cases.list', 'cases.addNote', 'cases.act', 'cases.updateDetails', 'staff.save', 'settings.updateCalendar'] as const)
      expect(can(clerk, method), method).toBe(false);
    expect(can(viewer(['caseworker']), 'cases.assign')).toBe(false);
    expect(can(viewer(['manager']), 'cases.assign')).toBe(true);
    for (const method of [
      'settings.updateCalendar',
      'settings.updateSlaPolicy',
      'staff.save',
      'staff.setPassword',
      'sync.configure',
      'settings.updateSecurity',
    ] as const) {
      for (const role of STAFF_ROLES) expect(can(viewer([role]), method), `${role} ${method}`).toBe(role === 'administrator');
    }
    // Several roles: any of them allows.
    expect(can(viewer(['clerk', 'manager']), 'cases.assign')).toBe(true);
  });

  it('lets administrators keep the root-cause taxonomy, managers and administrators plan improvement actions and read recurrence, and every owner see their own (issue 16, P-5.3)', () => {
    for (const role of STAFF_ROLES) {
      for (const method of ['settings.saveRootCauseCategory', 'settings.saveRootCause'] as const)
        expect(can(viewer([role]), method), `${role} ${method}`).toBe(role === 'administrator');
      for (const method of ['improvementActions.list', 'improvementActions.save', 'reports.recurrence'] as const)
        expect(can(viewer([role]), method), `${role} ${method}`).toBe(role === 'manager' || role === 'administrator');
      expect(can(viewer([role]), 'improvementActions.mine'), `${role} improvementActions.mine`).toBe(true);
    }
    expect(can(null, 'improvementActions.mine')).toBe(false);
  });

  it('lets only administrators see, configure, take and restore backups, and find, review and export everything about a person (issue 14)', () => {
    for (const method of [
      'backup.status',
      'backup.configure',
      'backup.now',
      'backup.restore',
      'people.find',
      'people.review',
      'people.export',
      'people.chooseArchive',
    ] as const) {
      for (const role of STAFF_ROLES) expect(can(viewer([role]), method), `${role} ${method}`).toBe(role === 'administrator');
      expect(can(null, method), `signed out ${method}`).toBe(false);
    }
  });
});

describe('the dispatcher checks the table on every call', () => {
  for (const method of API_METHODS) {
    it(`${method} × every role and signed out`, async () => {
      for (const [label, who] of PEOPLE) {
        const { dispatch, called, logger } = harness(who);
        const response = await dispatch(method, {}, { host: 'test' });
        if (can(who, method as ApiMethodName)) {
          // Let through: the handler ran, or the (empty) input was refused by its schema.
          expect(response.ok || response.error.code === 'VALIDATION_FAILED', `${label} ${method}: ${JSON.stringify(response)}`).toBe(true);
        } else {
          expect(response, `${label} ${method}`).toMatchObject({ ok: false, error: { code: who === null ? 'UNAUTHENTICATED' : 'FORBIDDEN' } });
          expect(called, `${label} ${method} changed nothing`).toEqual([]);
          expect(
            logger.entries.some((record) => record.message === 'API call refused' && record.details?.['method'] === method),
            `${label} ${method} logged`,
          ).toBe(true);
        }
      }
    });
  }

  it('refuses a workflow action the role may not perform, before the handler', async () => {
    const { dispatch, called } = harness(viewer(['caseworker']));
    const extend = await dispatch(
      'cases.act',
      { caseId: 'c1', action: { type: 'reopen', at: '2026-11-23T10:00:00.000Z', reason: 'Customer came back' } },
      { host: 'test' },
    );
    expect(extend).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(called).toEqual([]);
  });
});
