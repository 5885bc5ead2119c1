/**
 * @module
 * Text in the site's two languages, the shape every name and message in the catalogue takes.
 */

/** Text in both languages the site speaks. */
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}
