-- Written by hand (drizzle-kit generate --custom): an existing folder's current roles move into a
-- council term, so the term is the one source of the role from now on. Term 1 when the profile says
-- the first term (or nothing) and the founding date is known; the number the profile's 届次 names
-- otherwise; an "unknown term" (no number, no start) when neither is known. Former members' seats end
-- on their exit date. Nothing is deleted: every role held today is a seat afterwards.
INSERT INTO `council_terms` (`id`, `ordinal`, `state`, `start_date`, `end_date`, `elected_event_id`, `notes`, `is_sample`, `created_at`, `updated_at`)
SELECT
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
  CASE
    WHEN p.`council_term` LIKE '%第一届%' OR p.`council_term` LIKE '%第1届%' THEN 1
    WHEN p.`council_term` LIKE '%第二届%' OR p.`council_term` LIKE '%第2届%' THEN 2
    WHEN p.`council_term` LIKE '%第三届%' OR p.`council_term` LIKE '%第3届%' THEN 3
    WHEN p.`council_term` LIKE '%第四届%' OR p.`council_term` LIKE '%第4届%' THEN 4
    WHEN p.`council_term` LIKE '%第五届%' OR p.`council_term` LIKE '%第5届%' THEN 5
    WHEN p.`council_term` LIKE '%第六届%' OR p.`council_term` LIKE '%第6届%' THEN 6
    WHEN coalesce(trim(p.`council_term`), '') = '' AND p.`founding_date` IS NOT NULL THEN 1
    ELSE NULL
  END,
  'current',
  CASE WHEN coalesce(trim(p.`council_term`), '') = '' OR p.`council_term` LIKE '%第一届%' OR p.`council_term` LIKE '%第1届%' THEN p.`founding_date` END,
  NULL,
  (SELECT e.`id` FROM `events` e WHERE e.`type` IN ('founding_congress', 'members_congress') AND p.`founding_date` IS NOT NULL AND substr(e.`date`, 1, 10) = p.`founding_date` ORDER BY e.`date` LIMIT 1),
  NULL,
  NOT EXISTS (SELECT 1 FROM `organizations` WHERE `role` <> 'member' AND `is_sample` = 0),
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (SELECT 1) LEFT JOIN `alliance_profile` p ON 1
WHERE EXISTS (SELECT 1 FROM `organizations` WHERE `role` <> 'member')
LIMIT 1;
--> statement-breakpoint
INSERT INTO `term_seats` (`id`, `term_id`, `organization_id`, `role`, `from_date`, `to_date`)
SELECT
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
  t.`id`, o.`id`, o.`role`, NULL,
  CASE WHEN o.`status` IN ('withdrawn', 'expelled') THEN coalesce(o.`exit_date`, substr(o.`updated_at`, 1, 10)) END
FROM `organizations` o JOIN `council_terms` t ON t.`state` = 'current'
WHERE o.`role` <> 'member';
--> statement-breakpoint
-- A former member holds no seat now: its role is in the seat it held, the copy says 成员单位.
UPDATE `organizations` SET `role` = 'member', `role_rank` = 6 WHERE `role` <> 'member' AND `status` IN ('withdrawn', 'expelled');
