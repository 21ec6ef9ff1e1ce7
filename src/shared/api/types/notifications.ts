/** The in-app notification centre and this device's preferences. */
export interface NotificationItem {
  readonly id: string;
  /** 'trend': a P-5.2 trend alert (managers); 'improvement': the person's improvement action due soon or overdue (P-5.3). */
  readonly level: 'due-soon' | 'breached' | 'new-post' | 'closed-case-post' | 'trend' | 'improvement';
  readonly title: string;
  readonly body: string;
  readonly caseIds: readonly string[];
  readonly path: string;
  readonly createdAt: string;
  readonly read: boolean;
}

export interface NotificationCentre {
  readonly items: readonly NotificationItem[];
  readonly unread: number;
}

export interface DevicePreferencesView {
  readonly language: 'en-GB' | 'lv';
  readonly closeToTray: boolean;
  readonly holdDuringQuietHours: boolean;
  /** The cache budget for file contents fetched from the team server, in MiB (default 2048: 2 GB). */
  readonly fileCacheMegabytes: number;
}
