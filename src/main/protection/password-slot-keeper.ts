/**
 * Keeps each local account's password slot in step with the account (P-7.2): a password proved
 * or set (re)writes the slot when it was made for another verifier; a deactivated or removed
 * account, or one whose password was taken away, loses its slot.
 */
import type { StaffMember } from '../../shared/domain/records';
import type { DatabaseKeyring } from './database-keyring';

type Account = Pick<StaffMember, 'id' | 'login' | 'active' | 'password'>;

export function passwordSlotKeeper(keyring: DatabaseKeyring) {
  return {
    async remember(member: Account, password: string): Promise<void> {
      if (!member.active || member.login === '' || !member.password || !keyring.isUnlocked()) return;
      const owner = { accountId: member.id, login: member.login, verifierSalt: member.password.salt };
      if (keyring.needsPasswordSlot(owner)) await keyring.rememberPassword(owner, password);
    },
    /** For a change to the directory (here or by sync): true when a slot was removed. */
    accountChanged(accountId: string, member: Account | null): boolean {
      if (member && member.active && member.password) return false;
      return keyring.forget(accountId);
    },
  };
}
