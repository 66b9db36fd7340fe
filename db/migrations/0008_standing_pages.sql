CREATE TABLE "public_pages" (
	"story_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"headline" text NOT NULL,
	"dek" text NOT NULL,
	"body_html" text NOT NULL,
	"seo_title" text NOT NULL,
	"seo_description" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone,
	"live_revision" integer NOT NULL,
	"footer_position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "kind" text DEFAULT 'story' NOT NULL;--> statement-breakpoint
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "public_pages_slug_unique" ON "public_pages" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "public_pages_footer_idx" ON "public_pages" USING btree ("footer_position");--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_kind" CHECK ("stories"."kind" IN ('story', 'page'));