import type { PublicStoryCard } from "@/db/queries/public-stories";
import { StoryCard } from "./story-card";

type Props = { stories: PublicStoryCard[]; timeZone: string; label: string; headingLevel: 2 | 3; showSection?: boolean };

export function StoryList({ stories, timeZone, label, headingLevel, showSection }: Props) {
  return (
    <ol className="divide-y divide-stone-300 dark:divide-stone-700" aria-label={label}>
      {stories.map((story) => (
        <li key={story.id} className="py-5">
          <StoryCard story={story} timeZone={timeZone} headingLevel={headingLevel} showSection={showSection} />
        </li>
      ))}
    </ol>
  );
}
