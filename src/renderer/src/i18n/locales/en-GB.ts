/** English (UK): the reference language. Every user-visible string of the renderer lives here. */
export const enGB = {
  app: {
    name: 'Plaint',
    tagline: 'Complaint handling',
  },
  nav: {
    label: 'Main navigation',
    cases: 'Cases',
    postRoom: 'Post room',
    reports: 'Reports',
    settings: 'Settings',
  },
  shell: {
    toggleNavigation: 'Toggle navigation',
    colourScheme: 'Colour scheme',
    colourSchemeAuto: 'Follow system',
    colourSchemeLight: 'Light',
    colourSchemeDark: 'Dark',
    statusLabel: 'Status',
  },
  status: {
    database: {
      opening: 'Database opening',
      ready: 'Database ready',
      error: 'Database error',
      closed: 'Database closed',
    },
    connecting: 'Connecting to Plaint…',
    apiUnavailable: 'Cannot reach the Plaint services',
  },
  coming: {
    title: 'Coming soon',
    cases: 'Case lists, the case workspace and stage workflows arrive with the case screens.',
    postRoom: 'The incoming post register, generated letters and the day book arrive with the post room.',
    reports: 'Monitoring reports and complaint trends (P-5) arrive with the reporting work.',
  },
  settings: {
    title: 'Settings',
    about: {
      title: 'About this installation',
      version: 'Version',
      host: 'Running in',
      hostElectron: 'Desktop app',
      hostHarness: 'Browser test harness',
      dataDirectory: 'Data directory',
      logFile: 'Log file',
      database: 'Database',
      databaseFile: 'Database file',
      startedAt: 'Started',
      loadFailed: 'Could not load the installation details: {{message}}',
    },
  },
  errors: {
    screenTitle: 'Something went wrong',
    screenBody: 'Plaint hit an unexpected problem while showing this screen. Your saved data is safe. The details were written to the log file.',
    details: 'Technical details',
    tryAgain: 'Try again',
    reload: 'Reload Plaint',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every other language must fill completely. */
export type TranslationResources = Widen<typeof enGB>;
