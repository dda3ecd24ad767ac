ALTER TABLE "break_glass_grants" ADD COLUMN "review_outcome" text;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD COLUMN "review_note" text;