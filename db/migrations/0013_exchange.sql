CREATE TABLE `sync_aliases` (
	`tbl` text NOT NULL,
	`from_pk` text NOT NULL,
	`to_pk` text NOT NULL,
	`hlc` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`tbl`, `from_pk`)
);
--> statement-breakpoint
CREATE TABLE `sync_clock` (
	`tbl` text NOT NULL,
	`pk` text NOT NULL,
	`col` text NOT NULL,
	`hlc` text NOT NULL,
	`alive` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`tbl`, `pk`, `col`)
);
--> statement-breakpoint
CREATE INDEX `sync_clock_hlc` ON `sync_clock` (`hlc`);--> statement-breakpoint
CREATE TABLE `sync_files_read` (
	`sha256` text PRIMARY KEY NOT NULL,
	`replica` text NOT NULL,
	`read_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_losers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`exchange_id` text NOT NULL,
	`tbl` text NOT NULL,
	`pk` text NOT NULL,
	`col` text NOT NULL,
	`value` text,
	`hlc` text NOT NULL,
	`replica` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_losers_row` ON `sync_losers` (`tbl`,`pk`);--> statement-breakpoint
CREATE TABLE `sync_partners` (
	`replica` text PRIMARY KEY NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`seen` text NOT NULL,
	`last_import_at` text,
	`last_export_at` text
);
