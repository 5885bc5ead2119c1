/**
 * @module
 * `GET /assets/cars/<class>-<hash>.svg`: the car pictures, cached for a year (the hash in the
 * name changes with the picture). Any other name under `/assets/cars/` is an ordinary 404.
 */
import { Router } from "express";
import { carPictureAt } from "../car-pictures";

const ONE_YEAR_SECONDS = 31_536_000;

/** Routes: the car pictures. */
export function carPictureRoutes(): Router {
  const router = Router();
  router.get("/assets/cars/:file", (req, res, next) => {
    const picture = carPictureAt(`/assets/cars/${req.params.file}`);
    if (picture === undefined) return next();
    res
      .set("Cache-Control", `public, max-age=${ONE_YEAR_SECONDS}, immutable`)
      .type("image/svg+xml")
      .send(picture.svg);
  });
  return router;
}
