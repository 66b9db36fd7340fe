import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../client";
import { latestStoriesByIds } from "./public-stories";
import { currentSearchConfig } from "./publication";
import type { PublicStoryCard } from "./public-stories";

/** Marks around matched words in a snippet: characters no story text contains, split out by the page. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export type SearchResult = PublicStoryCard & { snippet: string };

/**
 * How many of the newest matches are ranked. Ranking every match of a common word means reading
 * every story's vector (seconds at 100,000 stories on the embedded database, during which nothing
 * else runs); a news search wants the best of the recent ones anyway.
 */
export const RANKED_MATCHES = 1000;

export type SearchAnswer = { results: SearchResult[]; total: number; moreThanRanked: boolean };

/**
 * Full-text search over live stories (the weighted tsvector public_stories.search: headline, then
 * dek, then body), ranked among the newest `ranked` matches. websearch_to_tsquery accepts anything
 * a person may type (quotes, "or", "-", stray punctuation) without a syntax error; the text is a
 * bound parameter, never SQL.
 */
export async function searchStories(query: string, limit: number, offset: number, ranked = RANKED_MATCHES): Promise<SearchAnswer> {
  // Stories are indexed in the publication's search configuration; the query is read the same way.
  const tsQuery = sql`websearch_to_tsquery(${currentSearchConfig}, ${query})`;
  const [page, counted] = await Promise.all([
    db().execute<{ story_id: string; snippet: string }>(sql`
      with candidates as (
        select story_id, search, published_at
        from public_stories
        where search @@ ${tsQuery}
        order by published_at desc, story_id
        limit ${ranked}
      )
      select hits.story_id,
             ts_headline(public_stories.search_config, public_stories.dek || ' ' || public_stories.body_text, ${tsQuery},
                         ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet
      from (
        select story_id, ts_rank(search, ${tsQuery}) as rank, published_at
        from candidates
        order by rank desc, published_at desc, story_id
        limit ${limit} offset ${offset}
      ) hits
      join public_stories on public_stories.story_id = hits.story_id
      order by hits.rank desc, hits.published_at desc, hits.story_id`),
    db().execute<{ total: number }>(
      sql`select count(*)::int as total from (select 1 from public_stories where search @@ ${tsQuery} limit ${ranked + 1}) matches`,
    ),
  ]);
  const matches = counted.rows[0]?.total ?? 0;
  const cards = await latestStoriesByIds(page.rows.map((row) => row.story_id));
  const results = page.rows.flatMap((row) => {
    const card = cards.get(row.story_id);
    return card ? [{ ...card, snippet: row.snippet }] : [];
  });
  return { results, total: Math.min(matches, ranked), moreThanRanked: matches > ranked };
}
