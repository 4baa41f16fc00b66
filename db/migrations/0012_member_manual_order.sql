ALTER TABLE `organizations` ADD `roster_rank` integer;--> statement-breakpoint
CREATE INDEX `organizations_manual` ON `organizations` ("roster_rank" IS NULL,`roster_rank`,`pinyin_key`);