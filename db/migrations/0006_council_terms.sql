CREATE TABLE `council_terms` (
	`id` text PRIMARY KEY NOT NULL,
	`ordinal` integer,
	`state` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`elected_event_id` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`elected_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `council_terms_ordinal` ON `council_terms` (`ordinal`);--> statement-breakpoint
CREATE UNIQUE INDEX `council_terms_one_current` ON `council_terms` (`state`) WHERE "council_terms"."state" IN ('current', 'draft');--> statement-breakpoint
CREATE TABLE `term_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`term_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`kind` text NOT NULL,
	`role_before` text,
	`role_after` text,
	`date` text NOT NULL,
	`reason` text,
	`event_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `council_terms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `term_changes_term` ON `term_changes` (`term_id`,`date`);--> statement-breakpoint
CREATE INDEX `term_changes_organization` ON `term_changes` (`organization_id`);--> statement-breakpoint
CREATE TABLE `term_officers` (
	`id` text PRIMARY KEY NOT NULL,
	`term_id` text NOT NULL,
	`office` text NOT NULL,
	`person_name` text NOT NULL,
	`organization_id` text,
	`from_date` text,
	`to_date` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `council_terms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `term_officers_term` ON `term_officers` (`term_id`,`position`);--> statement-breakpoint
CREATE INDEX `term_officers_organization` ON `term_officers` (`organization_id`);--> statement-breakpoint
CREATE TABLE `term_seats` (
	`id` text PRIMARY KEY NOT NULL,
	`term_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`role` text NOT NULL,
	`from_date` text,
	`to_date` text,
	FOREIGN KEY (`term_id`) REFERENCES `council_terms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `term_seats_term` ON `term_seats` (`term_id`,`organization_id`);--> statement-breakpoint
CREATE INDEX `term_seats_organization` ON `term_seats` (`organization_id`);