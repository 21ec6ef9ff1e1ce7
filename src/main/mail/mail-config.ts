/**
 * This device's connection to the team mailbox (issue 17): servers, account and folders in an
 * RxDB local document (never replicated: each device signs in to the mailbox itself), the password
 * in its own secret store (Electron safeStorage in the app, as the sync password; memory in tests).
 */
import type { RxDatabase } from 'rxdb';
import type { z } from 'zod';
import type { MailSettings, MailSettingsView, mailSettingsInput } from '../../shared/domain/mail';

/** Where the mailbox password is kept (the shape of sync's secret store; the composition root gives one). */
export interface MailSecretStore {
  readonly kind: 'os-keychain' | 'memory';
  read(): Promise<string | null>;
  write(secret: string | null): Promise<void>;
}

const CONFIG_DOC = 'mail-settings';

export class MailConfigStore {
  constructor(
    private readonly database: RxDatabase,
    private readonly secrets: MailSecretStore,
  ) {}

  /** The saved settings, or null before an administrator has set the mailbox up. */
  async config(): Promise<MailSettings | null> {
    const found = await this.database.getLocal<MailSettings>(CONFIG_DOC);
    return found ? found.toJSON().data : null;
  }

  password(): Promise<string | null> {
    return this.secrets.read();
  }

  async view(): Promise<MailSettingsView | null> {
    const [config, password] = await Promise.all([this.config(), this.password()]);
    return config ? { ...config, hasPassword: password !== null && password !== '', passwordStorage: this.secrets.kind } : null;
  }

  async save(input: z.output<typeof mailSettingsInput>): Promise<void> {
    const { password, ...config } = input;
    if (password !== undefined) await this.secrets.write(password === '' ? null : password);
    await this.database.upsertLocal<MailSettings>(CONFIG_DOC, config);
  }
}
