// Small builders for members, events and agreements in service tests.
import type { AppCore } from '../../core/host/core.js';
import type { OrganizationCategory } from '../../core/contract/codes.js';
import { callOk } from './core.js';

export function member(core: AppCore, name: string, category: OrganizationCategory): string {
  return callOk(core, 'members.create', { name, category }).member.id;
}

export function event(core: AppCore, title = '签约仪式', date = '2026-11-28'): string {
  return callOk(core, 'events.create', { title, type: 'signing_ceremony', date }).id;
}

export function parties(...organizationIds: string[]) {
  return organizationIds.map((organizationId) => ({ organizationId }));
}
