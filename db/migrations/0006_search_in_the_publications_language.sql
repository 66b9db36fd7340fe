ALTER TABLE "publication" ADD COLUMN "search_config" "regconfig" DEFAULT 'english'::regconfig NOT NULL;--> statement-breakpoint
ALTER TABLE "public_stories" ADD COLUMN "search_config" "regconfig" DEFAULT 'english'::regconfig NOT NULL;--> statement-breakpoint
ALTER TABLE "public_stories" ALTER COLUMN "search_config" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "public_stories" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "public_stories" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(search_config, headline), 'A') || setweight(to_tsvector(search_config, dek), 'B') || setweight(to_tsvector(search_config, body_text), 'C')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "public_stories_search_idx" ON "public_stories" USING gin ("search");
