CREATE TABLE "asam_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid,
	"edition" integer NOT NULL,
	"population" text NOT NULL,
	"assessed_on" date NOT NULL,
	"ratings" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"recommended_level" text NOT NULL,
	"driven_by" jsonb NOT NULL,
	"recommendation" jsonb NOT NULL,
	"placed_level" text NOT NULL,
	"placement_reason" text,
	"placement_note" text,
	"assessed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discharges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"discharged_on" date NOT NULL,
	"reason_code" integer NOT NULL,
	"level_at_discharge" text NOT NULL,
	"summary" text NOT NULL,
	"referral_to" text,
	"next_level" text,
	"aftercare" jsonb NOT NULL,
	"discharged_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episode_diagnoses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"status" text NOT NULL,
	"edition" integer NOT NULL,
	"level" text NOT NULL,
	"referral_id" uuid,
	"admitted_on" date,
	"discharged_on" date,
	"primary_clinician_id" uuid,
	"care_team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "level_of_care_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"from_level" text,
	"to_level" text NOT NULL,
	"direction" text NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"assessment_id" uuid,
	"changed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"edition" integer NOT NULL,
	"ciwa_ar_answers" jsonb,
	"ciwa_ar_total" integer,
	"ciwa_ar_band" text,
	"cows_answers" jsonb,
	"cows_total" integer,
	"cows_band" text,
	"cssrs_answers" jsonb,
	"cssrs_risk" text,
	"flags" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"rule_out" jsonb NOT NULL,
	"screened_by" uuid NOT NULL,
	"screened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"source" text NOT NULL,
	"referrer_name" text,
	"referred_on" date NOT NULL,
	"substances" jsonb NOT NULL,
	"medical_flags" jsonb NOT NULL,
	"psychiatric_flags" jsonb NOT NULL,
	"recovery_environment_unsafe" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treatment_plan_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"document" jsonb NOT NULL,
	"review_date" date NOT NULL,
	"clinician_signed_name" text,
	"clinician_signed_at" timestamp with time zone,
	"clinician_signed_by" uuid,
	"patient_signed_name" text,
	"patient_signed_at" timestamp with time zone,
	"patient_signed_via" text,
	"superseded_at" timestamp with time zone NOT NULL,
	"superseded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"document" jsonb NOT NULL,
	"review_date" date NOT NULL,
	"clinician_signed_name" text,
	"clinician_signed_at" timestamp with time zone,
	"clinician_signed_by" uuid,
	"patient_signed_name" text,
	"patient_signed_at" timestamp with time zone,
	"patient_signed_via" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "address_line1" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "state" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "living_situation" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "emergency_contact" jsonb;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "guardian_contact" jsonb;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "ciwa_ar_above" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "cows_at_least" integer DEFAULT 13 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "plan_review_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "asam_assessments" ADD CONSTRAINT "asam_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asam_assessments" ADD CONSTRAINT "asam_assessments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asam_assessments" ADD CONSTRAINT "asam_assessments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asam_assessments" ADD CONSTRAINT "asam_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_discharged_by_users_id_fk" FOREIGN KEY ("discharged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_diagnoses" ADD CONSTRAINT "episode_diagnoses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_diagnoses" ADD CONSTRAINT "episode_diagnoses_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_diagnoses" ADD CONSTRAINT "episode_diagnoses_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_diagnoses" ADD CONSTRAINT "episode_diagnoses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_primary_clinician_id_users_id_fk" FOREIGN KEY ("primary_clinician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_of_care_changes" ADD CONSTRAINT "level_of_care_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_of_care_changes" ADD CONSTRAINT "level_of_care_changes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_of_care_changes" ADD CONSTRAINT "level_of_care_changes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_of_care_changes" ADD CONSTRAINT "level_of_care_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_screenings" ADD CONSTRAINT "intake_screenings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_screenings" ADD CONSTRAINT "intake_screenings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_screenings" ADD CONSTRAINT "intake_screenings_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_screenings" ADD CONSTRAINT "intake_screenings_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_screenings" ADD CONSTRAINT "intake_screenings_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_revisions" ADD CONSTRAINT "treatment_plan_revisions_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_revisions" ADD CONSTRAINT "treatment_plan_revisions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_revisions" ADD CONSTRAINT "treatment_plan_revisions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_revisions" ADD CONSTRAINT "treatment_plan_revisions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_revisions" ADD CONSTRAINT "treatment_plan_revisions_clinician_signed_by_users_id_fk" FOREIGN KEY ("clinician_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_revisions" ADD CONSTRAINT "treatment_plan_revisions_superseded_by_users_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_clinician_signed_by_users_id_fk" FOREIGN KEY ("clinician_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asam_assessments_patient_idx" ON "asam_assessments" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "discharges_episode_unique" ON "discharges" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "episode_diagnoses_episode_idx" ON "episode_diagnoses" USING btree ("episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_one_open_per_program" ON "episodes" USING btree ("patient_id","program_id") WHERE status <> 'discharged';--> statement-breakpoint
CREATE INDEX "episodes_patient_idx" ON "episodes" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "episodes_clinician_idx" ON "episodes" USING btree ("primary_clinician_id");--> statement-breakpoint
CREATE INDEX "level_of_care_changes_episode_idx" ON "level_of_care_changes" USING btree ("episode_id","effective_on");--> statement-breakpoint
CREATE INDEX "intake_screenings_referral_idx" ON "intake_screenings" USING btree ("referral_id","screened_at");--> statement-breakpoint
CREATE INDEX "referrals_patient_idx" ON "referrals" USING btree ("patient_id","referred_on");--> statement-breakpoint
CREATE INDEX "treatment_plan_revisions_plan_idx" ON "treatment_plan_revisions" USING btree ("plan_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plans_episode_unique" ON "treatment_plans" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_review_idx" ON "treatment_plans" USING btree ("site_id","review_date");--> statement-breakpoint
CREATE INDEX "patients_org_dob_idx" ON "patients" USING btree ("organization_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "patients_search_trgm_idx" ON "patients" USING gin ((lower(given_name || ' ' || family_name || ' ' || coalesce(preferred_name, '') || ' ' || mrn)) gin_trgm_ops) WITH (fastupdate=off);