/**
 * This device's sync settings: server, team database, user name and whether sync is on, in an
 * RxDB local document (never replicated: each device connects with its own user); the password
 * in the secret store.
 */
import type { RxDatabase } from 'rxdb';
import type { SyncSettingsInput, SyncSettingsView } from '../../shared/domain/sync';
import type { SecretStore } from './secret-store';

export interface SyncConfig {
  readonly enabled: boolean;
  readonly serverUrl: string;
  readonly database: string;
  readonly username: string;
}

/** The local default: `npm run sync-server` listens here. */
export const DEFAULT_SYNC_CONFIG: SyncConfig = { enabled: false, serverUrl: 'http://127.0.0.1:5984', database: 'plaint', username: '' };

const CONFIG_DOC = 'sync-settings';

export class SyncConfigStore {
  constructor(
    private readonly database: RxDatabase,
    private readonly secrets: SecretStore,
  ) {}

  async config(): Promise<SyncConfig> {
    const found = await this.database.getLocal<SyncConfig>(CONFIG_DOC);
    return found ? { ...DEFAULT_SYNC_CONFIG, ...found.toJSON().data } : DEFAULT_SYNC_CONFIG;
  }

  password(): Promise<string | null> {
    return this.secrets.read();
  }

  async view(): Promise<SyncSettingsView> {
    const [config, password] = await Promise.all([this.config(), this.password()]);
    return { ...config, hasPassword: password !== null && password !== '', passwordStorage: this.secrets.kind };
  }

  async save(input: SyncSettingsInput): Promise<void> {
    const config: SyncConfig = { enabled: input.enabled, serverUrl: input.serverUrl.replace(/\/+$/, ''), database: input.database, username: input.username };
    if (input.password !== undefined) await this.secrets.write(input.password === '' ? null : input.password);
    await this.database.upsertLocal<SyncConfig>(CONFIG_DOC, config);
  }
}
