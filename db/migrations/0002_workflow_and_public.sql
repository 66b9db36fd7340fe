CREATE TYPE "public"."correction_kind" AS ENUM('correction', 'update');--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"story_id" uuid,
	"actor_id" uuid,
	"note" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_stories" (
	"story_id" uuid PRIMARY KEY NOT NULL,
	"section_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"headline" text NOT NULL,
	"dek" text NOT NULL,
	"body" jsonb NOT NULL,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"word_count" integer NOT NULL,
	"seo_title" text NOT NULL,
	"seo_description" text NOT NULL,
	"featured_image_id" uuid,
	"featured_image_alt" text NOT NULL,
	"featured_image_caption" text NOT NULL,
	"featured_image_credit" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone,
	"live_revision" integer NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, headline), 'A') || setweight(to_tsvector('english'::regconfig, dek), 'B') || setweight(to_tsvector('english'::regconfig, body_text), 'C')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_story_bylines" (
	"story_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "public_story_bylines_story_id_user_id_pk" PRIMARY KEY("story_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "public_story_tags" (
	"story_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "public_story_tags_story_id_tag_id_pk" PRIMARY KEY("story_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"story_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"story_id" uuid NOT NULL,
	"kind" "correction_kind" NOT NULL,
	"note" text NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_paths" (
	"section_slug" text NOT NULL,
	"slug" text NOT NULL,
	"story_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_paths_section_slug_slug_pk" PRIMARY KEY("section_slug","slug")
);
--> statement-breakpoint
ALTER TABLE "publication" ADD COLUMN "public_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "pending_update" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_stories" ADD CONSTRAINT "public_stories_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_stories" ADD CONSTRAINT "public_stories_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_stories" ADD CONSTRAINT "public_stories_featured_image_id_media_id_fk" FOREIGN KEY ("featured_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_story_bylines" ADD CONSTRAINT "public_story_bylines_story_id_public_stories_story_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."public_stories"("story_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_story_bylines" ADD CONSTRAINT "public_story_bylines_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_story_tags" ADD CONSTRAINT "public_story_tags_story_id_public_stories_story_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."public_stories"("story_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_story_tags" ADD CONSTRAINT "public_story_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_corrections" ADD CONSTRAINT "story_corrections_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_corrections" ADD CONSTRAINT "story_corrections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_paths" ADD CONSTRAINT "story_paths_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "public_stories_slug_unique" ON "public_stories" USING btree ("section_id","slug");--> statement-breakpoint
CREATE INDEX "public_stories_published_idx" ON "public_stories" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "public_stories_section_idx" ON "public_stories" USING btree ("section_id","published_at");--> statement-breakpoint
CREATE INDEX "public_stories_search_idx" ON "public_stories" USING gin ("search");--> statement-breakpoint
CREATE INDEX "public_story_bylines_user_idx" ON "public_story_bylines" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "public_story_tags_tag_idx" ON "public_story_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "share_links_token_unique" ON "share_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "share_links_story_idx" ON "share_links" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "story_corrections_story_idx" ON "story_corrections" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "story_corrections_published_idx" ON "story_corrections" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "story_paths_story_idx" ON "story_paths" USING btree ("story_id");