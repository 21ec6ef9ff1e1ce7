/** The app's top-level sections: their routes, navigation labels and icons. */
import { IconBulb, IconFileAnalytics, IconHistory, IconMail, IconSettings, IconStack2, type Icon } from '@tabler/icons-react';
import type { ApiMethodName } from '@shared/api/names';

export interface Section {
  readonly id: 'cases' | 'postRoom' | 'reports' | 'improvements' | 'audit' | 'settings';
  readonly path: string;
  readonly icon: Icon;
  /** Shown to those the permission table lets call this method (null: everyone signed in). */
  readonly method: ApiMethodName | null;
}

export const SECTIONS: readonly Section[] = [
  { id: 'cases', path: '/cases', icon: IconStack2, method: 'cases.list' },
  { id: 'postRoom', path: '/post-room', icon: IconMail, method: 'post.list' },
  { id: 'reports', path: '/reports', icon: IconFileAnalytics, method: 'reports.dashboard' },
  // Issue 16, P-5.3: improvement actions, for managers and administrators.
  { id: 'improvements', path: '/improvements', icon: IconBulb, method: 'improvementActions.list' },
  // Issue 18: the organisation-wide audit view, for managers and administrators.
  { id: 'audit', path: '/audit', icon: IconHistory, method: 'cases.auditTrail' },
  { id: 'settings', path: '/settings', icon: IconSettings, method: null },
];
