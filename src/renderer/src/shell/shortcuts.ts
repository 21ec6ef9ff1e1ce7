/**
 * The app's keyboard shortcuts, as the help sheet lists them (issue 18). Each entry names a
 * shortcut that exists in the code: QuickSearch.tsx (Ctrl+K, arrows, Enter), ShortcutSheet.tsx
 * (?), CaseListPage.tsx (/), CaseTable.tsx (row keys), IncomingRegister.tsx (Ctrl+Enter, Esc).
 */
export type ShortcutPlace = 'anywhere' | 'notTyping' | 'caseList' | 'quickSearch' | 'register' | 'dialog';

export interface Shortcut {
  readonly id:
    | 'quickSearch'
    | 'help'
    | 'listSearch'
    | 'listRows'
    | 'listEnds'
    | 'listOpen'
    | 'searchChoose'
    | 'searchOpen'
    | 'registerLog'
    | 'registerClear'
    | 'closeDialog';
  /** Alternatives, each a list of keys pressed together. */
  readonly keys: readonly (readonly string[])[];
  readonly where: ShortcutPlace;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'quickSearch',
    keys: [
      ['Ctrl', 'K'],
      ['⌘', 'K'],
    ],
    where: 'anywhere',
  },
  { id: 'help', keys: [['?']], where: 'notTyping' },
  { id: 'listSearch', keys: [['/']], where: 'caseList' },
  { id: 'listRows', keys: [['↑'], ['↓'], ['Page Up'], ['Page Down']], where: 'caseList' },
  { id: 'listEnds', keys: [['Home'], ['End']], where: 'caseList' },
  { id: 'listOpen', keys: [['Enter']], where: 'caseList' },
  { id: 'searchChoose', keys: [['↑'], ['↓']], where: 'quickSearch' },
  { id: 'searchOpen', keys: [['Enter']], where: 'quickSearch' },
  {
    id: 'registerLog',
    keys: [
      ['Ctrl', 'Enter'],
      ['⌘', 'Enter'],
    ],
    where: 'register',
  },
  { id: 'registerClear', keys: [['Esc']], where: 'register' },
  { id: 'closeDialog', keys: [['Esc']], where: 'dialog' },
];
