import { startOembedStandIn } from "../../tests/support/oembed-stand-in";
import { PORT_BASE } from "./servers";

/**
 * The newsroom server fetches embeds' oEmbed answers and thumbnails from this stand-in
 * (EMBED_FETCH_STAND_IN), which plays stored answers: the browser tests never need the internet.
 */
export const OEMBED_STAND_IN_PORT = PORT_BASE + 26;

export default async function startOembed() {
  const standIn = await startOembedStandIn(OEMBED_STAND_IN_PORT);
  return () => standIn.stop();
}
