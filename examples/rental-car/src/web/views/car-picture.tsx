/**
 * @module
 * A car class's picture, with its alt text in the page's language (the class and a typical model),
 * at its drawn size so the page does not jump while it loads.
 */
import { findCarClass } from "../../catalogue/catalogue";
import { carPicture } from "../car-pictures";
import type { Lang } from "../format";
import { TEXTS } from "../i18n";

/** The picture of `carClass` (nothing for an unknown class). */
export function CarPicture(props: { readonly lang: Lang; readonly carClass: string }) {
  const carClass = findCarClass(props.carClass);
  const picture = carPicture(props.carClass);
  if (carClass === undefined || picture === undefined) return null;
  return (
    <img
      class="car-picture"
      src={picture.href}
      alt={TEXTS[props.lang].carPictureAlt(carClass.name[props.lang], carClass.example[props.lang])}
      width={240}
      height={120}
      decoding="async"
    />
  );
}
