import type { SaveStatus } from "./use-autosave";

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

function describe(status: SaveStatus): string {
  switch (status.kind) {
    case "saved":
      return `Saved ${timeFormat.format(new Date(status.at))}`;
    case "unsaved":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "offline":
      return "Offline — changes kept on this device";
    case "unreachable":
      return "Can't reach the server — retrying; your changes are kept on this device";
    case "outdated":
      return "Not saved — Masthead was updated: reload the page to keep saving; your changes are kept on this device";
    case "conflict":
      return "Not saved — this story changed elsewhere";
    case "error":
      return `Not saved — ${status.message}`;
  }
}

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const problem = !["saved", "unsaved", "saving"].includes(status.kind);
  return (
    <span role="status" data-testid="save-status" className={problem ? "font-medium text-red-800" : "text-stone-600"}>
      {describe(status)}
    </span>
  );
}
