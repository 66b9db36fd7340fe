import { transliterate } from "transliteration";

/**
 * One word of a slug: ASCII letters and digits, or letters, marks and digits of a script we do not
 * transliterate (CJK, Arabic, Hebrew, Devanagari, Thai…), which stay as they are in the address.
 * Latin, Cyrillic and Greek letters outside ASCII never appear: slugify spells them in ASCII.
 */
const TRANSLITERATED_SCRIPTS = String.raw`\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}`;
const KEPT_LETTER = String.raw`(?![${TRANSLITERATED_SCRIPTS}])[\p{Ll}\p{Lm}\p{Lo}\p{N}][\p{Mn}\p{Mc}]*`;
const WORD = `(?:[a-z0-9]|${KEPT_LETTER})+`;
/** A slug inside other text, e.g. an @mention (use with the "u" flag). */
export const SLUG_SOURCE = `${WORD}(?:-${WORD})*`;
export const SLUG_PATTERN = new RegExp(`^${SLUG_SOURCE}$`, "u");
export const SLUG_RULE = "lowercase letters a–z, digits, letters of scripts such as 東京 or مرحبا, and single hyphens";

const TRANSLITERATED = new RegExp(`[${TRANSLITERATED_SCRIPTS}][${TRANSLITERATED_SCRIPTS}\\p{M}]*`, "gu");
const NOT_IN_A_WORD = new RegExp(`(?:(?!${WORD}).)+`, "gsu");
/** Emoji modifiers that add nothing a reader would name: variation selectors and joiners. */
const INVISIBLE = /[\u200d\ufe0e\ufe0f]/gu;

/**
 * The one way text becomes an address: Latin, Cyrillic and Greek are transliterated ("Straße" →
 * strasse, "Київ" → kiyiv), other scripts are kept ("東京"; links percent-encode them), everything
 * else separates words. Text with nothing to spell (only emoji or punctuation) gets its code points
 * ("🔥" → 1f525), so no name ever has an empty slug and different names keep different slugs.
 * Only blank text gives "".
 */
export function slugify(text: string, maxLength = 80): string {
  const normalized = text.normalize("NFKC").replace(/['’]/g, "").replace(INVISIBLE, "");
  const spelled = words(normalized.replace(TRANSLITERATED, (run) => transliterate(run)));
  const slug = spelled || words(codePoints(normalized));
  return truncate(slug, maxLength);
}

function words(text: string): string {
  return text.toLowerCase().replace(NOT_IN_A_WORD, "-").replace(/^-+|-+$/g, "");
}

function codePoints(text: string): string {
  return Array.from(text)
    .filter((character) => !/\s/u.test(character))
    .map((character) => character.codePointAt(0)!.toString(16))
    .join("-");
}

/** Cut by characters, not UTF-16 units, so no CJK character outside the BMP is split in half. */
function truncate(slug: string, maxLength: number): string {
  return Array.from(slug).slice(0, maxLength).join("").replace(/-+$/g, "");
}
