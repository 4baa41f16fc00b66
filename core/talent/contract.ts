// Talent supply and demand (人才供需).
import { z } from 'zod';
import { TALENT_DIRECTIONS } from '../contract/codes.js';
import { inputShape } from '../contract/fields.js';
import { defineMethods, returns } from '../contract/method.js';
import { talentFields, type TalentRecord } from './fields.js';

const id = z.string().uuid();

export const talentCreateInput = z.strictObject(inputShape(talentFields));
export const talentUpdateInput = z.strictObject({ id, ...inputShape(talentFields) });
export const talentListInput = z.strictObject({
  direction: z.enum(TALENT_DIRECTIONS).optional(),
  organizationId: id.optional(),
  eventId: id.optional(),
  text: z.string().max(200).optional(),
});
export type TalentInput = z.output<typeof talentCreateInput>;
export type TalentUpdateInput = z.output<typeof talentUpdateInput>;
export type TalentListInput = z.output<typeof talentListInput>;

export type TalentItem = TalentRecord & { organizationName: string; eventTitle: string | null };

const READS = ['talent', 'organization', 'event'] as const;

export const talentMethods = defineMethods({
  'talent.list': { doc: 'Talent items by direction, publisher, event and text.', input: talentListInput, result: returns<TalentItem[]>(), access: 'read', reads: READS },
  'talent.create': { doc: 'Publishes a talent item for a member.', input: talentCreateInput, result: returns<TalentItem>(), access: 'write', changes: ['talent'] },
  'talent.update': { doc: "Changes a talent item's fields.", input: talentUpdateInput, result: returns<TalentItem>(), access: 'write', changes: ['talent'] },
  'talent.delete': { doc: 'Removes a talent item.', input: z.strictObject({ id }), result: returns<{ id: string }>(), access: 'write', changes: ['talent'] },
});
