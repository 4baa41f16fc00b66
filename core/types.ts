// Result types of the API contract. Plain data only: these cross IPC and HTTP as JSON.
import type { AllianceLevel, MemberRole, MemberStatus, OrganizationCategory } from './codes.js';
import type { UsccProblem } from './uscc.js';

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

export interface AppOverview {
  profile: AllianceProfile | null;
  memberCount: number;
  sampleMemberCount: number;
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
