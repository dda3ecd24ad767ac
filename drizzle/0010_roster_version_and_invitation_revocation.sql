ALTER TABLE "portal_invitations" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal_invitations" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "program_sessions" ADD COLUMN "roster_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_invitations" ADD CONSTRAINT "portal_invitations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;