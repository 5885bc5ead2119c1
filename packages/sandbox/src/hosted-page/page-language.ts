/**
 * @module
 * The page language: the session's `locale` when it is `ja` or `en`, otherwise (`auto` or unset)
 * the browser's `Accept-Language`, English by default.
 */
import type { Request } from "express";
import type { SessionLocale } from "../state/records";
import type { Language } from "./texts";

/** The language to render a page in. */
export function pageLanguage(locale: SessionLocale | null | undefined, req: Request): Language {
  if (locale === "ja" || locale === "en") return locale;
  return req.acceptsLanguages("en", "ja") === "ja" ? "ja" : "en";
}
