CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`presenter_name` text,
	`presenter_organization_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`presenter_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agenda_items_event` ON `agenda_items` (`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `agreement_parties` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`signatory_name` text,
	`signatory_title` text,
	`seal_affixed` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_parties_agreement` ON `agreement_parties` (`agreement_id`,`position`);--> statement-breakpoint
CREATE INDEX `agreement_parties_organization` ON `agreement_parties` (`organization_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`signed_date` text,
	`place` text,
	`event_id` text,
	`effective_date` text,
	`end_date` text,
	`term_years` integer,
	`expires_on` text,
	`terminated_date` text,
	`summary` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`amends_id` text,
	`search_text` text NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_number_unique` ON `agreements` (`number`);--> statement-breakpoint
CREATE INDEX `agreements_type` ON `agreements` (`type`);--> statement-breakpoint
CREATE INDEX `agreements_signed_date` ON `agreements` (`signed_date`);--> statement-breakpoint
CREATE INDEX `agreements_event` ON `agreements` (`event_id`);--> statement-breakpoint
CREATE INDEX `agreements_expires_on` ON `agreements` (`expires_on`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_owner` ON `attachments` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE INDEX `attachments_hash` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`person` text,
	`status` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_event` ON `attendance` (`event_id`,`position`);--> statement-breakpoint
CREATE INDEX `attendance_organization` ON `attendance` (`organization_id`);--> statement-breakpoint
CREATE TABLE `ceremony_signings` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`position` integer NOT NULL,
	`signed_at` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ceremony_signings_event` ON `ceremony_signings` (`event_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `ceremony_signings_agreement` ON `ceremony_signings` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text,
	`end_time` text,
	`venue` text,
	`organizers` text DEFAULT '[]' NOT NULL,
	`minutes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_date` ON `events` (`date`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `talent_items` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`event_id` text,
	`direction` text NOT NULL,
	`field` text NOT NULL,
	`level` text,
	`headcount` integer,
	`period` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `talent_items_organization` ON `talent_items` (`organization_id`);--> statement-breakpoint
CREATE INDEX `talent_items_event` ON `talent_items` (`event_id`);