import type { Role } from "../schema";

type Block = { type: string; attrs?: Record<string, unknown>; content?: Block[]; text?: string };

const paragraph = (text: string): Block => ({ type: "paragraph", content: [{ type: "text", text }] });
const subhead = (text: string): Block => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const doc = (...content: Block[]) => ({ type: "doc", content });

export const DEMO_PUBLICATION = {
  name: "The Harbour Ledger",
  description: "Independent news from the fictional port town of Saltmere, since 2026.",
};

export const DEMO_SECTIONS = [
  { name: "News", slug: "news", position: 0 },
  { name: "Culture", slug: "culture", position: 1 },
  { name: "Science", slug: "science", position: 2 },
  { name: "Opinion", slug: "opinion", position: 3 },
];

export const DEMO_STAFF: { email: string; displayName: string; slug: string; role: Role; bio: string }[] = [
  {
    email: "writer@newsroom.test",
    displayName: "Wren Calloway",
    slug: "wren-calloway",
    role: "writer",
    bio: "Wren covers the harbour, the council and anything that floats.",
  },
  {
    email: "editor@newsroom.test",
    displayName: "Idris Achterberg",
    slug: "idris-achterberg",
    role: "editor",
    bio: "Idris runs the news desk and guards the style guide.",
  },
  {
    email: "admin@newsroom.test",
    displayName: "Mara Quill",
    slug: "mara-quill",
    role: "admin",
    bio: "Mara founded the Ledger and still reads every correction.",
  },
];

export const DEMO_STORIES = [
  {
    slug: "harbour-council-approves-new-sea-wall",
    section: "news",
    bylines: ["writer@newsroom.test"],
    daysAgo: 1,
    headline: "Harbour council approves a new sea wall after a decade of debate",
    dek: "The 1.2-kilometre barrier will protect the old quay from winter storms, but fishermen worry about access to their moorings.",
    body: doc(
      paragraph(
        "After eleven years of surveys, public meetings and one memorable walk-out, Saltmere's harbour council voted seven to two on Tuesday night to build a new sea wall along the old quay.",
      ),
      subhead("What will be built"),
      paragraph(
        "The barrier will run 1.2 kilometres from the lifeboat station to the fish market, rising two metres above the current promenade. Engineers say it is designed for the storms the town can expect by 2080.",
      ),
      subhead("Who is worried"),
      paragraph(
        "Members of the fishing co-operative told the meeting that the plans leave only two gaps for access to the moorings. The council promised a further consultation before the final drawings are signed off.",
      ),
    ),
  },
  {
    slug: "lighthouse-keepers-diary-goes-on-show",
    section: "culture",
    bylines: ["writer@newsroom.test", "editor@newsroom.test"],
    daysAgo: 3,
    headline: "A lighthouse keeper's diary goes on show at the town museum",
    dek: "Forty years of weather, shipwrecks and shopping lists, written in pencil by the last keeper of the Saltmere light.",
    body: doc(
      paragraph(
        "The diary arrived at the museum in a biscuit tin, donated by the keeper's granddaughter. It now fills a glass case in the main gallery, open at the page describing the great storm of 1987.",
      ),
      subhead("A life measured in weather"),
      paragraph(
        "Every entry begins with the wind direction and the state of the sea. Only then does the keeper note the visitors, the supply boat and, more than once, the price of tea.",
      ),
    ),
  },
  {
    slug: "seagrass-meadow-returns-to-the-bay",
    section: "science",
    bylines: ["editor@newsroom.test"],
    daysAgo: 6,
    headline: "Seagrass meadow returns to the bay, divers say",
    dek: "Volunteer divers have mapped four hectares of new seagrass, a sign that the water is cleaner than it has been in decades.",
    body: doc(
      paragraph(
        "A team of volunteer divers from the Saltmere sub-aqua club has mapped four hectares of seagrass on the sandy floor of the bay, where none was recorded in the last survey.",
      ),
      subhead("Why it matters"),
      paragraph(
        "Seagrass shelters young fish, steadies the seabed and stores carbon. Marine biologists say its return suggests that the new sewage works is doing its job.",
      ),
    ),
  },
];
