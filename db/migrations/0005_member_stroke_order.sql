ALTER TABLE `organizations` ADD `stroke_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_stroke` ON `organizations` (`stroke_key`);