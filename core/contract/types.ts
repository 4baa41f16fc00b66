// Result types of the API contract. Plain data only: these cross IPC and HTTP as JSON.
import type {
  AgendaKind,
  AgreementState,
  AgreementStatus,
  AgreementType,
  AllianceLevel,
  AttendanceStatus,
  EventType,
  MemberRole,
  MemberStatus,
  OrganizationCategory,
  TalentDirection,
} from './codes.js';
import type { UsccProblem } from '../members/uscc.js';

export interface Contact {
  id: string;
  organizationId: string;
  name: string;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  isPrimary: boolean;
  sortOrder: number;
}

export interface Member {
  id: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  formerNames: { name: string; until: string | null }[];
  category: OrganizationCategory;
  uscc: string | null;
  role: MemberRole;
  status: MemberStatus;
  joinDate: string | null;
  exitDate: string | null;
  exitReason: string | null;
  address: string | null;
  postcode: string | null;
  website: string | null;
  legalRepresentative: string | null;
  notes: string | null;
  pinyinOverride: string | null;
  isSample: boolean;
  createdAt: string;
  updatedAt: string;
  contacts: Contact[];
}

/** A non-blocking remark about saved data, e.g. a USCC prefix that does not fit the category. */
export interface Warning {
  field: string;
  key: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface MemberSaved {
  member: Member;
  warnings: Warning[];
}

export interface MemberRow {
  id: string;
  name: string;
  shortName: string | null;
  category: OrganizationCategory;
  role: MemberRole;
  status: MemberStatus;
  uscc: string | null;
  joinDate: string | null;
  contactName: string | null;
  contactTitle: string | null;
  contactPhone: string | null;
  isSample: boolean;
}

export interface MemberPage {
  rows: MemberRow[];
  total: number;
  offset: number;
  limit: number;
}

export interface RosterRow {
  seq: number;
  id: string;
  name: string;
  role: MemberRole;
  contactName: string | null;
  contactTitle: string | null;
  contactPhone: string | null;
  uscc: string | null;
}

export interface RosterGroup {
  category: OrganizationCategory;
  count: number;
  /** Chinese heading with its count, e.g. 政府机构（10个）. */
  heading: string;
  rows: RosterRow[];
}

export interface Roster {
  allianceName: string | null;
  total: number;
  groups: RosterGroup[];
}

export interface UsccCheck {
  normalised: string;
  valid: boolean;
  problem: UsccProblem | null;
  warning: Warning | null;
}

export interface AllianceProfile {
  id: string;
  name: string;
  shortName: string | null;
  level: AllianceLevel | null;
  foundingDate: string | null;
  leadUnits: string[];
  secretariatHost: string | null;
  councilTerm: string | null;
  isSample: boolean;
}

export type DatabaseHealth =
  | { state: 'ok'; uncleanShutdown: boolean }
  /** The file failed its check: the app offers the newest good backup instead of starting afresh. */
  | { state: 'damaged'; reason: string; newestBackup: string | null };

export interface AppOverview {
  profile: AllianceProfile | null;
  memberCount: number;
  sampleMemberCount: number;
  health: DatabaseHealth;
  /** The database file's path, shown so a clerk knows which file is open. */
  dataFile: string | null;
}

export interface BackupInfo {
  name: string;
  takenAt: string;
  reason: 'startup' | 'auto' | 'manual' | 'before-restore' | 'before-migration';
  size: number;
}

export interface CheckReport {
  ok: boolean;
  reason: string | null;
  milliseconds: number;
}

export interface ChangeLogEntry {
  id: number;
  at: string;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
}

export interface AgreementParty {
  id: string;
  organizationId: string;
  name: string;
  category: OrganizationCategory;
  label: string;
  signatoryName: string | null;
  signatoryTitle: string | null;
  sealAffixed: boolean;
}

export interface Attachment {
  id: string;
  ownerType: 'agreement' | 'event';
  ownerId: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface Agreement {
  id: string;
  number: string;
  title: string;
  type: AgreementType;
  status: AgreementStatus;
  /** draft / in force / expiring within 90 days / expired / terminated, from the dates and today. */
  state: AgreementState;
  signedDate: string | null;
  place: string | null;
  eventId: string | null;
  eventTitle: string | null;
  effectiveDate: string | null;
  endDate: string | null;
  termYears: number | null;
  expiresOn: string | null;
  terminatedDate: string | null;
  summary: string | null;
  tags: string[];
  amendsId: string | null;
  amendsNumber: string | null;
  isSample: boolean;
  createdAt: string;
  updatedAt: string;
  parties: AgreementParty[];
  attachments: Attachment[];
}

export interface AgreementRow {
  id: string;
  number: string;
  title: string;
  type: AgreementType;
  status: AgreementStatus;
  state: AgreementState;
  signedDate: string | null;
  expiresOn: string | null;
  eventId: string | null;
  eventTitle: string | null;
  parties: { organizationId: string; name: string; label: string; signatoryName: string | null }[];
  isSample: boolean;
}

export interface AgreementPage {
  rows: AgreementRow[];
  total: number;
  offset: number;
  limit: number;
}

export interface AgendaItem {
  id: string;
  position: number;
  kind: AgendaKind;
  title: string;
  presenterName: string | null;
  presenterOrganizationId: string | null;
  presenterOrganizationName: string | null;
}

export interface AttendanceEntry {
  id: string;
  organizationId: string;
  organizationName: string;
  person: string | null;
  status: AttendanceStatus;
}

export interface MeetingEvent {
  id: string;
  title: string;
  type: EventType;
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  organizers: string[];
  minutes: string | null;
  isSample: boolean;
  agenda: AgendaItem[];
  attendance: AttendanceEntry[];
  agreements: AgreementRow[];
  attachments: Attachment[];
}

export interface EventRow {
  id: string;
  title: string;
  type: EventType;
  date: string;
  startTime: string | null;
  venue: string | null;
  agreementCount: number;
  attendanceCount: number;
  isSample: boolean;
}

export interface CeremonyItem {
  position: number;
  signedAt: string | null;
  agreement: AgreementRow;
}

export interface CeremonyState {
  eventId: string;
  eventTitle: string;
  eventDate: string;
  items: CeremonyItem[];
  /** Index of the next signing to mark; equal to items.length when all are done. */
  currentIndex: number;
}

export interface TalentItem {
  id: string;
  organizationId: string;
  organizationName: string;
  eventId: string | null;
  eventTitle: string | null;
  direction: TalentDirection;
  field: string;
  level: string | null;
  headcount: number | null;
  period: string | null;
  notes: string | null;
  isSample: boolean;
}

export interface Dashboard {
  today: string;
  membersByCategory: { category: OrganizationCategory; count: number }[];
  agreementsByType: { type: AgreementType; count: number }[];
  agreementsByState: { state: AgreementState; count: number }[];
  expiring: AgreementRow[];
  recentEvents: EventRow[];
  comingEvents: EventRow[];
}

export interface FileContent {
  fileName: string;
  mimeType: string;
  /** base64 */
  bytes: string;
}

/** One line of the activity list. */
export interface ChangeSummary {
  id: number;
  at: string;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  /** The record's name, number or title at the time. */
  label: string;
  /** A deleted member or agreement that does not exist again yet. */
  restorable: boolean;
}
