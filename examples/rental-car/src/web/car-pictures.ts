/**
 * @module
 * The car classes' pictures: one simple side view per class, drawn as SVG in
 * `examples/rental-car/assets/cars/<class>.svg`, read once at start-up and served from the app's
 * own origin (the CSP's `img-src 'self'`). Each URL carries a hash of the picture, so browsers may
 * keep it for a year and still see a redrawn picture at once.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CAR_CLASSES } from "../catalogue/catalogue";

/** A class's picture, as served. */
export interface CarPicture {
  readonly carClass: string;
  readonly svg: string;
  /** `/assets/cars/K-1a2b3c4d5e.svg`: the path the page links to. */
  readonly href: string;
}

// src/web and dist/web are both two levels below the package.
const DIRECTORY = join(__dirname, "..", "..", "assets", "cars");

function load(carClass: string): CarPicture {
  const svg = readFileSync(join(DIRECTORY, `${carClass}.svg`), "utf8");
  const hash = createHash("sha256").update(svg).digest("hex").slice(0, 10);
  return { carClass, svg, href: `/assets/cars/${carClass}-${hash}.svg` };
}

/** Every class's picture (a missing file fails at start-up, not on a shopper's page). */
export const CAR_PICTURES: readonly CarPicture[] = CAR_CLASSES.map((carClass) =>
  load(carClass.code),
);

/** The picture of a class, or undefined for an unknown class. */
export function carPicture(carClass: string): CarPicture | undefined {
  return CAR_PICTURES.find((picture) => picture.carClass === carClass);
}

/** The picture whose served path is `path`, or undefined. */
export function carPictureAt(path: string): CarPicture | undefined {
  return CAR_PICTURES.find((picture) => picture.href === path);
}
