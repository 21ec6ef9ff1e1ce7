/** The complaint domain's services over one database, wired together. */
import type { RxDatabase } from 'rxdb';
import type { StaffAccount } from '../../shared/domain/records';
import type { EventBus } from '../events/event-bus';
import { CaseQueries } from './case-queries';
import { CaseService } from './case-service';
import { CaseLastSeen } from './correspondence/case-last-seen';
import { addDeviceLedger } from '../database/device-ledger';
import { CorrespondenceService } from './correspondence/correspondence-service';
import { RelatedCases } from './related-cases';
import { ContactUpdates } from './contact-updates';
import { AuditTrail } from './audit-trail';
import { startChangeFeed } from './change-feed';
import { systemClock, type Clock } from './clock';
import { addDomainCollections, type ConflictHandlerFor, type DomainDatabase } from './collections';
import { DeadlineRescheduler } from './deadline-rescheduler';
import { DeviceIdentity } from './device-identity';
import { SettingsService } from './settings-service';
import { ImprovementActionService } from './improvement-action-service';
import { StaffService } from './staff-service';
import { publicAccount } from '../identity/session-service';
import { loginClashes } from '../../shared/identity/login-clash';

export interface DomainServices {
  readonly db: DomainDatabase;
  readonly cases: CaseService;
  readonly queries: CaseQueries;
  /** New correspondence on existing cases: unread markers and closed-case decisions (issue 18). */
  readonly correspondence: CorrespondenceService;
  /** Issue 18: the same complainant's other cases, and linking them. */
  readonly related: RelatedCases;
  /** Issue 18: a sender's new contact details offered to their existing case. */
  readonly contacts: ContactUpdates;
  /** Issue 18: the organisation-wide audit view. */
  readonly audit: AuditTrail;
  readonly settings: SettingsService;
  readonly staff: StaffService;
  /** P-5.3: improvement actions and their owners' due list. */
  readonly improvements: ImprovementActionService;
  readonly identity: DeviceIdentity;
  /** Moves open deadlines when the calendar or SLA policy changes, here or on another device. */
  readonly rescheduler: DeadlineRescheduler;
  /** The clock the services share (tests set it). */
  readonly clock: Clock;
  /** The team, by name. */
  staffMembers(): Promise<StaffAccount[]>;
  stop(): void;
}

export async function startDomainServices(
  database: RxDatabase,
  events: EventBus,
  clock: Clock = systemClock,
  handlerFor?: ConflictHandlerFor,
  onError: (error: unknown) => void = (error) => console.error('Open deadlines could not be moved to the new settings', error),
): Promise<DomainServices> {
  const db = await addDomainCollections(database, handlerFor);
  const settings = new SettingsService(db, clock);
  const identity = new DeviceIdentity(db);
  const staff = new StaffService(db, clock);
  const cases = new CaseService(db, settings, identity, clock);
  const queries = new CaseQueries(db, settings, clock);
  const correspondence = new CorrespondenceService(db, cases, new CaseLastSeen(await addDeviceLedger(database)), clock);
  const related = new RelatedCases(db, queries, cases, clock);
  const stopFeed = startChangeFeed(db, events);
  const rescheduler = new DeadlineRescheduler(db, cases, onError);
  rescheduler.start();
  return {
    clock,
    db,
    cases,
    queries,
    correspondence,
    related,
    contacts: new ContactUpdates(db, queries, cases, clock),
    audit: new AuditTrail(db, settings),
    settings,
    staff,
    improvements: new ImprovementActionService(db, settings, clock),
    identity,
    rescheduler,
    async staffMembers() {
      const members = (await db.staff.find({ sort: [{ name: 'asc' }] }).exec()).map((member) => member.toMutableJSON());
      // A login made twice offline: the later account is flagged to administrators.
      const clashes = loginClashes(members);
      // Never the password verifiers.
      return members.map((member) => {
        const keeper = clashes.get(member.id);
        return keeper === undefined ? publicAccount(member) : { ...publicAccount(member), loginClashWith: keeper };
      });
    },
    stop() {
      rescheduler.stop();
      stopFeed();
    },
  };
}
