CREATE TABLE `import_batch_items` (
	`batch_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_batch_items_batch` ON `import_batch_items` (`batch_id`);--> statement-breakpoint
CREATE INDEX `import_batch_items_organization` ON `import_batch_items` (`organization_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`created_at` text NOT NULL,
	`created_count` integer NOT NULL,
	`updated_count` integer NOT NULL,
	`skipped_count` integer NOT NULL,
	`rejected_count` integer NOT NULL,
	`undone_at` text
);
