CREATE TABLE `project_figures` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`year` integer NOT NULL,
	`students_enrolled` integer,
	`trainees` integer,
	`interns` integer,
	`hires` integer,
	`service_contract_yuan` integer,
	`bases_built` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_figures_year` ON `project_figures` (`project_id`,`year`);--> statement-breakpoint
CREATE INDEX `project_figures_by_year` ON `project_figures` (`year`);--> statement-breakpoint
CREATE TABLE `project_partners` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_partners_project` ON `project_partners` (`project_id`,`position`);--> statement-breakpoint
CREATE INDEX `project_partners_organization` ON `project_partners` (`organization_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`agreement_id` text,
	`start_date` text,
	`end_date` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `projects_agreement` ON `projects` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `projects_kind` ON `projects` (`kind`);--> statement-breakpoint
CREATE INDEX `projects_start` ON `projects` (`start_date`);