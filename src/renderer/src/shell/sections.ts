/** The app's top-level sections: their routes, navigation labels and icons. */
import { IconFileAnalytics, IconMail, IconSettings, IconStack2, type Icon } from '@tabler/icons-react';

export interface Section {
  readonly id: 'cases' | 'postRoom' | 'reports' | 'settings';
  readonly path: string;
  readonly icon: Icon;
}

export const SECTIONS: readonly Section[] = [
  { id: 'cases', path: '/cases', icon: IconStack2 },
  { id: 'postRoom', path: '/post-room', icon: IconMail },
  { id: 'reports', path: '/reports', icon: IconFileAnalytics },
  { id: 'settings', path: '/settings', icon: IconSettings },
];
