/**
 * @module
 * One client trying "find my booking" with invented references on several app instances in
 * turn, as a brute-force attempt spread over a load balancer would: the answer statuses, in order.
 * Used to prove that a rate limit counts across instances.
 */
import { formFields, HttpShopper } from "./http-shopper";

const HTML = { accept: "text/html" };

/**
 * Sends `attempts` lookups from the client at `address` (through the instances' trusted proxy
 * header), to `origins[0]`, `origins[1]`, … in turn; returns each answer's status.
 */
export async function lookupsAcross(
  origins: readonly string[],
  attempts: number,
  address: string,
): Promise<number[]> {
  const shoppers = origins.map((origin) => new HttpShopper(origin, { "x-forwarded-for": address }));
  const forms = await Promise.all(
    shoppers.map(async (shopper) =>
      formFields((await shopper.get("/my-booking?lang=en", HTML)).html, "/my-booking"),
    ),
  );
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i++) {
    const at = i % shoppers.length;
    const answer = await shoppers[at]?.post(
      "/my-booking",
      { ...forms[at], reference: `RC-ZZZZ${String(2000 + i)}`, email: "someone@example.com" },
      HTML,
    );
    statuses.push(answer?.status ?? 0);
  }
  return statuses;
}
