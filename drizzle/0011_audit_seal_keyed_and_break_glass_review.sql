ALTER TABLE "audit_seal" ADD COLUMN "alg" text DEFAULT 'sha256' NOT NULL;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD COLUMN "review_outcome" text;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD COLUMN "review_note" text;--> statement-breakpoint
CREATE INDEX "audit_log_break_glass_grant_idx" ON "audit_log" USING btree (("detail"->>'breakGlassGrantId'),"at") WHERE "audit_log"."detail" ? 'breakGlassGrantId';