/**
 * @module
 * Query parameters shared by the endpoints: `expand` and the list cursor parameters.
 */
import * as z from "zod";
import { expandParam, formInteger, optionalField } from "./form-values";

/** Stripe's default page size. */
const DEFAULT_LIMIT = 10;

/** `expand` alone (retrieve endpoints). */
export const retrieveParamsSchema = z.strictObject({ expand: expandParam.optional() });

/** `limit`, `starting_after`, `ending_before` and `expand` (list endpoints). */
export const pageParamsShape = {
  limit: optionalField(formInteger(1, 100)).transform((limit) => limit ?? DEFAULT_LIMIT),
  starting_after: optionalField(z.string().max(255)),
  ending_before: optionalField(z.string().max(255)),
  expand: expandParam.optional(),
};

/** A list request with no filters. */
export const pageParamsSchema = z.strictObject(pageParamsShape);
