import { Fragment } from "react";
import type { PublicByline } from "@/db/queries/public-stories";
import { authorPath } from "@/lib/public/urls";

/** "By A, B and C", each name linking to the author's page. */
export function Bylines({ bylines, linked = true }: { bylines: PublicByline[]; linked?: boolean }) {
  if (bylines.length === 0) return null;
  return (
    <>
      By{" "}
      {bylines.map((byline, index) => (
        <Fragment key={byline.slug}>
          {index > 0 && (index === bylines.length - 1 ? " and " : ", ")}
          {linked ? (
            <a href={authorPath(byline.slug)} className="font-semibold underline-offset-2 hover:underline" rel="author">
              {byline.displayName}
            </a>
          ) : (
            byline.displayName
          )}
        </Fragment>
      ))}
    </>
  );
}
