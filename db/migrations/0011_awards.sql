CREATE TABLE `awards` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`organization_id` text,
	`person_name` text,
	`date` text NOT NULL,
	`valid_until` text,
	`event_id` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `awards_number` ON `awards` (`number`);--> statement-breakpoint
CREATE INDEX `awards_kind_date` ON `awards` (`kind`,`date`);--> statement-breakpoint
CREATE INDEX `awards_organization` ON `awards` (`organization_id`);--> statement-breakpoint
CREATE INDEX `awards_event` ON `awards` (`event_id`);