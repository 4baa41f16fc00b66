CREATE TABLE `alliance_profile` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`level` text,
	`founding_date` text,
	`lead_units` text DEFAULT '[]' NOT NULL,
	`secretariat_host` text,
	`council_term` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `change_log_entity` ON `change_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`phone` text,
	`mobile` text,
	`email` text,
	`is_primary` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_organization` ON `contacts` (`organization_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`aliases` text DEFAULT '[]' NOT NULL,
	`former_names` text DEFAULT '[]' NOT NULL,
	`category` text NOT NULL,
	`uscc` text,
	`role` text NOT NULL,
	`role_rank` integer NOT NULL,
	`status` text NOT NULL,
	`join_date` text,
	`exit_date` text,
	`exit_reason` text,
	`address` text,
	`postcode` text,
	`website` text,
	`legal_representative` text,
	`notes` text,
	`pinyin_key` text NOT NULL,
	`pinyin_override` text,
	`search_text` text NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_uscc_unique` ON `organizations` (`uscc`) WHERE "organizations"."uscc" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_current_name_unique` ON `organizations` (`name`) WHERE "organizations"."status" NOT IN ('withdrawn', 'expelled');--> statement-breakpoint
CREATE INDEX `organizations_category_rank_pinyin` ON `organizations` (`category`,`role_rank`,`pinyin_key`);--> statement-breakpoint
CREATE INDEX `organizations_pinyin` ON `organizations` (`pinyin_key`);