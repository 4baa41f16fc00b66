// The alliance itself: its profile, the overview that drives the first screen, the data file's
// settings and the dashboard.
import { z } from 'zod';
import type { AgreementState, AgreementType, OrganizationCategory } from '../contract/codes.js';
import { inputShape } from '../contract/fields.js';
import { defineMethods, returns } from '../contract/method.js';
import { requiredText } from '../contract/validation.js';
import type { AgreementRow } from '../agreements/contract.js';
import type { EventRow } from '../events/contract.js';
import type { DatabaseHealth } from '../folder/contract.js';
import { allianceFields, type AllianceProfile } from './fields.js';

export type { AllianceProfile };

const empty = z.strictObject({}).optional().transform(() => ({}));

export const allianceUpdateInput = z.strictObject(inputShape(allianceFields));
export type AllianceUpdateInput = z.output<typeof allianceUpdateInput>;
export const settingsUpdateInput = z.strictObject({ agreementNumberPattern: requiredText(60) });

export interface AppOverview {
  profile: AllianceProfile | null;
  memberCount: number;
  sampleMemberCount: number;
  health: DatabaseHealth;
  /** The database file's path, shown so a clerk knows which file is open. */
  dataFile: string | null;
  /** The app has its own folder dialog (desktop); otherwise the clerk types folder paths. */
  folderDialog?: boolean;
}

export interface Settings {
  agreementNumberPattern: string;
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

export const allianceMethods = defineMethods({
  'app.overview': {
    doc: 'Profile and member counts, and where the data file is and how it is: drives the empty state, the sample banner and recovery mode.',
    input: empty,
    result: returns<AppOverview>(),
    access: 'read',
    recovery: true,
    reads: ['alliance', 'organization', 'folder'],
  },
  'alliance.get': { doc: 'The alliance profile, or null before one is saved.', input: empty, result: returns<AllianceProfile | null>(), access: 'read', reads: ['alliance'] },
  'alliance.update': { doc: 'Creates or replaces the alliance profile.', input: allianceUpdateInput, result: returns<AllianceProfile>(), access: 'write', changes: ['alliance'] },
  'settings.get': {
    doc: 'Settings of this data file, such as the agreement number pattern ({year}-{type}-{seq}).',
    input: empty,
    result: returns<Settings>(),
    access: 'read',
    reads: ['settings'],
  },
  'settings.update': { doc: 'Changes the settings of this data file.', input: settingsUpdateInput, result: returns<Settings>(), access: 'write', changes: ['settings'] },
  'dashboard.summary': {
    doc: 'Members by category, agreements by type and state, what expires within 90 days, recent and coming events.',
    input: empty,
    result: returns<Dashboard>(),
    access: 'read',
    reads: ['organization', 'agreement', 'event'],
  },
});
