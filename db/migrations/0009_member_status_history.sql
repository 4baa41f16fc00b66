CREATE TABLE `member_status_events` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`status` text NOT NULL,
	`date` text NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_status_events_member` ON `member_status_events` (`organization_id`,`date`);--> statement-breakpoint
CREATE INDEX `member_status_events_date` ON `member_status_events` (`date`);