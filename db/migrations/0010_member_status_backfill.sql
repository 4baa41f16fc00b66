-- Written by hand (drizzle-kit generate --custom): an existing folder's members get their status
-- history from what the register knows — joined on the join date (or the day the record was made),
-- then suspended or gone on the exit date (or the day the record last changed). Later changes are
-- written by the app as they happen.
INSERT INTO `member_status_events` (`id`, `organization_id`, `status`, `date`, `reason`, `created_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
  `id`, CASE WHEN `status` = 'applied' THEN 'applied' ELSE 'active' END,
  coalesce(`join_date`, substr(`created_at`, 1, 10)), NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `organizations`;
--> statement-breakpoint
INSERT INTO `member_status_events` (`id`, `organization_id`, `status`, `date`, `reason`, `created_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
  `id`, `status`,
  max(coalesce(`exit_date`, substr(`updated_at`, 1, 10)), coalesce(`join_date`, substr(`created_at`, 1, 10))), `exit_reason`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `organizations` WHERE `status` IN ('suspended', 'withdrawn', 'expelled');
