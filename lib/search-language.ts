/**
 * PostgreSQL's built-in text-search configurations by language code: the ones every supported
 * server has (PostgreSQL 14 and later, and PGlite). Estonian arrived only in 16 and Ukrainian has
 * none, so those, like every other language, search with `simple`: words are matched as written,
 * without stemming.
 */
const CONFIGS: Readonly<Record<string, string>> = {
  ar: "arabic",
  ca: "catalan",
  da: "danish",
  de: "german",
  el: "greek",
  en: "english",
  es: "spanish",
  eu: "basque",
  fi: "finnish",
  fr: "french",
  ga: "irish",
  hi: "hindi",
  hu: "hungarian",
  hy: "armenian",
  id: "indonesian",
  it: "italian",
  lt: "lithuanian",
  nb: "norwegian",
  ne: "nepali",
  nl: "dutch",
  nn: "norwegian",
  no: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  ru: "russian",
  sr: "serbian",
  sv: "swedish",
  ta: "tamil",
  tr: "turkish",
  yi: "yiddish",
};

export const SEARCH_CONFIGS: readonly string[] = [...new Set([...Object.values(CONFIGS), "simple"])];

/** "de", "de-AT" → german; "uk" → simple. */
export function searchConfigFor(language: string): string {
  return CONFIGS[language.split("-")[0].toLowerCase()] ?? "simple";
}
