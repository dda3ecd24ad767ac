CREATE TABLE "instrument_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"instrument_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"total" integer,
	"subscales" jsonb,
	"band_id" text NOT NULL,
	"band_label" text NOT NULL,
	"risk_flags" jsonb NOT NULL,
	"administered_on" date NOT NULL,
	"entered_via" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"at_intake" boolean NOT NULL,
	"every_days" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "urgent_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"assigned_to" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledge_note" text
);
--> statement-breakpoint
ALTER TABLE "instrument_results" ADD CONSTRAINT "instrument_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_results" ADD CONSTRAINT "instrument_results_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_results" ADD CONSTRAINT "instrument_results_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_results" ADD CONSTRAINT "instrument_results_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_results" ADD CONSTRAINT "instrument_results_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_schedules" ADD CONSTRAINT "instrument_schedules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_schedules" ADD CONSTRAINT "instrument_schedules_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_schedules" ADD CONSTRAINT "instrument_schedules_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_schedules" ADD CONSTRAINT "instrument_schedules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_tasks" ADD CONSTRAINT "urgent_tasks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_tasks" ADD CONSTRAINT "urgent_tasks_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_tasks" ADD CONSTRAINT "urgent_tasks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_tasks" ADD CONSTRAINT "urgent_tasks_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_tasks" ADD CONSTRAINT "urgent_tasks_result_id_instrument_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."instrument_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_tasks" ADD CONSTRAINT "urgent_tasks_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_tasks" ADD CONSTRAINT "urgent_tasks_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instrument_results_episode_idx" ON "instrument_results" USING btree ("episode_id","instrument_id","administered_on");--> statement-breakpoint
CREATE INDEX "instrument_results_patient_idx" ON "instrument_results" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_schedules_program_instrument" ON "instrument_schedules" USING btree ("program_id","instrument_id");--> statement-breakpoint
CREATE UNIQUE INDEX "urgent_tasks_one_per_result" ON "urgent_tasks" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "urgent_tasks_open_assignee_idx" ON "urgent_tasks" USING btree ("assigned_to") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "urgent_tasks_patient_idx" ON "urgent_tasks" USING btree ("patient_id","status");