// Removing the sample alliance: exactly the records it loaded (flagged is_sample), and nothing the
// clerk added. A sample record one of the clerk's own records uses (her agreement with a sample
// member, her event's attendance, her renewal of a sample agreement) is kept and becomes hers,
// with whatever it needs in turn, so that nothing of hers loses a party, an attendee or an event.
import type Database from 'better-sqlite3';
import type { ServiceContext } from '../contract/context.js';
import { deleteAttachmentsOf } from '../attachments/attachments.js';

export interface SampleRemoved {
  removed: { members: number; events: number; agreements: number; talentItems: number; profile: boolean };
  /** Sample records kept because the clerk's records use them: now the clerk's own. */
  kept: { kind: 'member' | 'event' | 'agreement'; name: string }[];
}

const ids = (sqlite: Database.Database, sql: string, ...params: unknown[]): string[] => sqlite.prepare(sql).pluck().all(...params) as string[];

/** Sample ids the clerk's own records use, directly or through other kept sample records. */
function keptSampleIds(sqlite: Database.Database): { orgs: Set<string>; events: Set<string>; agreements: Set<string> } {
  const orgs = new Set(
    ids(
      sqlite,
      `SELECT o.id FROM organizations o WHERE o.is_sample = 1 AND (
         EXISTS (SELECT 1 FROM agreement_parties p JOIN agreements a ON a.id = p.agreement_id WHERE p.organization_id = o.id AND a.is_sample = 0)
         OR EXISTS (SELECT 1 FROM attendance t JOIN events e ON e.id = t.event_id WHERE t.organization_id = o.id AND e.is_sample = 0)
         OR EXISTS (SELECT 1 FROM agenda_items g JOIN events e ON e.id = g.event_id WHERE g.presenter_organization_id = o.id AND e.is_sample = 0)
         OR EXISTS (SELECT 1 FROM talent_items i WHERE i.organization_id = o.id AND i.is_sample = 0)
         OR EXISTS (SELECT 1 FROM project_partners pp JOIN projects p ON p.id = pp.project_id WHERE pp.organization_id = o.id AND p.is_sample = 0)
         OR EXISTS (SELECT 1 FROM awards w WHERE w.organization_id = o.id AND w.is_sample = 0))`,
    ),
  );
  const events = new Set(
    ids(
      sqlite,
      `SELECT e.id FROM events e WHERE e.is_sample = 1 AND (
         EXISTS (SELECT 1 FROM agreements a WHERE a.event_id = e.id AND a.is_sample = 0)
         OR EXISTS (SELECT 1 FROM talent_items i WHERE i.event_id = e.id AND i.is_sample = 0))`,
    ),
  );
  const agreements = new Set(
    ids(
      sqlite,
      `SELECT s.id FROM agreements s WHERE s.is_sample = 1 AND (EXISTS (SELECT 1 FROM agreements a WHERE a.amends_id = s.id AND a.is_sample = 0)
         OR EXISTS (SELECT 1 FROM projects p WHERE p.agreement_id = s.id AND p.is_sample = 0))`,
    ),
  );
  // What a kept record needs is kept too, until nothing more is added.
  for (let grew = true; grew; ) {
    const before = orgs.size + events.size + agreements.size;
    for (const id of agreements) {
      for (const org of ids(sqlite, `SELECT organization_id FROM agreement_parties WHERE agreement_id = ?`, id)) orgs.add(org);
      const row = sqlite.prepare(`SELECT event_id, amends_id FROM agreements WHERE id = ? AND is_sample = 1`).get(id) as { event_id: string | null; amends_id: string | null } | undefined;
      if (row?.event_id) events.add(row.event_id);
      if (row?.amends_id) agreements.add(row.amends_id);
    }
    for (const id of events) {
      for (const org of ids(sqlite, `SELECT organization_id FROM attendance WHERE event_id = ? UNION SELECT presenter_organization_id FROM agenda_items WHERE event_id = ? AND presenter_organization_id IS NOT NULL`, id, id)) orgs.add(org);
    }
    grew = orgs.size + events.size + agreements.size > before;
  }
  // Only sample records change hands; the clerk's own were never in question.
  const sample = (table: string, set: Set<string>) => new Set([...set].filter((id) => sqlite.prepare(`SELECT is_sample FROM ${table} WHERE id = ?`).pluck().get(id) === 1));
  return { orgs: sample('organizations', orgs), events: sample('events', events), agreements: sample('agreements', agreements) };
}

export function removeSample(ctx: ServiceContext): SampleRemoved {
  const { sqlite } = ctx;
  return sqlite.transaction((): SampleRemoved => {
    const keep = keptSampleIds(sqlite);
    const kept: SampleRemoved['kept'] = [];
    const adopt = (table: string, kind: SampleRemoved['kept'][number]['kind'], nameColumn: string, set: Set<string>) => {
      for (const id of set) {
        sqlite.prepare(`UPDATE ${table} SET is_sample = 0 WHERE id = ?`).run(id);
        kept.push({ kind, name: sqlite.prepare(`SELECT ${nameColumn} FROM ${table} WHERE id = ?`).pluck().get(id) as string });
      }
    };
    adopt('organizations', 'member', 'name', keep.orgs);
    adopt('events', 'event', 'title', keep.events);
    adopt('agreements', 'agreement', "number || ' ' || title", keep.agreements);

    const agreementIds = ids(sqlite, `SELECT id FROM agreements WHERE is_sample = 1`);
    const eventIds = ids(sqlite, `SELECT id FROM events WHERE is_sample = 1`);
    const orgIds = ids(sqlite, `SELECT id FROM organizations WHERE is_sample = 1`);
    const talentIds = ids(sqlite, `SELECT id FROM talent_items WHERE is_sample = 1`);
    const projectIds = ids(sqlite, `SELECT id FROM projects WHERE is_sample = 1`);
    const awardIds = ids(sqlite, `SELECT id FROM awards WHERE is_sample = 1`);
    const contactIds = ids(sqlite, `SELECT c.id FROM contacts c JOIN organizations o ON o.id = c.organization_id WHERE o.is_sample = 1`);
    const profileIds = ids(sqlite, `SELECT id FROM alliance_profile WHERE is_sample = 1`);
    for (const id of agreementIds) deleteAttachmentsOf(ctx, 'agreement', id);
    for (const id of eventIds) deleteAttachmentsOf(ctx, 'event', id);
    // The clerk's agreements may have a sample agreement as the one they renew only if it was kept above.
    sqlite.prepare(`DELETE FROM talent_items WHERE is_sample = 1`).run();
    sqlite.prepare(`DELETE FROM projects WHERE is_sample = 1`).run(); // partners and figures go with them
    sqlite.prepare(`DELETE FROM awards WHERE is_sample = 1`).run();
    sqlite.prepare(`DELETE FROM agreements WHERE is_sample = 1`).run(); // parties and ceremony places go with them
    // A sample member may still attend or present at a sample event, so the events go before the members.
    sqlite.prepare(`DELETE FROM events WHERE is_sample = 1`).run(); // agenda and attendance go with them
    sqlite.prepare(`DELETE FROM organizations WHERE is_sample = 1`).run(); // contacts and council seats go with them
    // The sample's council term goes when no seat is left in it; one still holding kept units is hers now.
    const termIds = ids(sqlite, `SELECT id FROM council_terms WHERE is_sample = 1 AND NOT EXISTS (SELECT 1 FROM term_seats s WHERE s.term_id = council_terms.id)`);
    sqlite.prepare(`DELETE FROM council_terms WHERE is_sample = 1 AND NOT EXISTS (SELECT 1 FROM term_seats s WHERE s.term_id = council_terms.id)`).run();
    sqlite.prepare(`UPDATE council_terms SET is_sample = 0 WHERE is_sample = 1`).run();
    const profile = sqlite.prepare(`DELETE FROM alliance_profile WHERE is_sample = 1`).run().changes > 0;
    // The sample's own history goes with it: restoring a removed sample record from it would bring the sample back piecemeal.
    const forget = sqlite.prepare(`DELETE FROM change_log WHERE entity = ? AND entity_id = ?`);
    for (const id of orgIds) forget.run('organization', id);
    for (const id of eventIds) forget.run('event', id);
    for (const id of agreementIds) forget.run('agreement', id);
    for (const id of talentIds) forget.run('talent', id);
    for (const id of contactIds) forget.run('contact', id);
    for (const id of profileIds) forget.run('alliance', id);
    for (const id of termIds) forget.run('term', id);
    for (const id of projectIds) forget.run('project', id);
    for (const id of awardIds) forget.run('award', id);
    return { removed: { members: orgIds.length, events: eventIds.length, agreements: agreementIds.length, talentItems: talentIds.length, profile }, kept };
  })();
}
