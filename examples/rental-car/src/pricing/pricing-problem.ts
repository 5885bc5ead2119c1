/**
 * @module
 * What a shopper reads when a rental cannot be booked or priced: one sentence per refusal, in
 * natural Japanese or English, naming what to change (the shop's hours, the earliest pick-up, the
 * last date taken). Built from the error's code and details, never from its English `message`.
 */
import type { PricingError, PricingErrorDetails } from "./pricing-error";
import { HORIZON_DAYS, LEAD_TIME_HOURS, MAX_RENTAL_DAYS } from "./rental-period";

type Lang = "ja" | "en";
type Messages = Record<PricingError["code"], (details: PricingErrorDetails) => string>;

/** `07:00` → `7:00`. */
function clock(time: string): string {
  return time.replace(/^0(\d)/, "$1");
}

/**
 * `新千歳空港の営業時間は7:00〜22:00です。貸出時刻を営業時間内でお選びください。` and its English,
 * for the pick-up (`貸出時刻`) or return (`返却時刻`) time.
 */
function hoursProblem(d: PricingErrorDetails, lang: Lang, which: "pickUp" | "return"): string {
  const ja = which === "pickUp" ? "貸出" : "返却";
  const en = which === "pickUp" ? "pick-up" : "return";
  if (d.shop === undefined || d.hours === undefined) {
    return lang === "ja"
      ? `${ja}時刻を${ja}店舗の営業時間内でお選びください。`
      : `Please choose a ${en} time within the ${en} shop's opening hours.`;
  }
  const { opens, closes } = d.hours;
  return lang === "ja"
    ? `${d.shop.ja}の営業時間は${clock(opens)}〜${clock(closes)}です。${ja}時刻を営業時間内でお選びください。`
    : `${d.shop.en} is open ${clock(opens)}–${clock(closes)}. Please choose a ${en} time within these hours.`;
}

/** English dates as the rest of the site writes them: `June 4, 2027`. */
const EN_DATE = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "long",
  day: "numeric",
});

/** `2027-06-04` → `2027年6月4日` / `June 4, 2027`, between `before` and `after` ("" if none). */
function dateText(date: string | undefined, lang: Lang, before: string, after: string): string {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "") ?? [];
  if (year === undefined || month === undefined || day === undefined) return "";
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const text = lang === "ja" ? `${y}年${m}月${d}日` : EN_DATE.format(Date.UTC(y, m - 1, d));
  return `${before}${text}${after}`;
}

const JA: Messages = {
  INVALID_DATE: () =>
    "日付または時刻が正しくありません。カレンダーにある日付と時刻をお選びください。",
  RETURN_BEFORE_PICK_UP: () => "返却日時は貸出日時より後の日時をお選びください。",
  RENTAL_TOO_LONG: (d) =>
    `オンラインでのご予約は最長${d.maxDays ?? MAX_RENTAL_DAYS}日間です。返却日を早めてください。`,
  PICK_UP_IN_PAST: (d) =>
    `貸出日時がすでに過ぎています。貸出日時は現在から${d.leadHours ?? LEAD_TIME_HOURS}時間以降をお選びください。`,
  PICK_UP_TOO_SOON: (d) =>
    `貸出日時は現在から${d.leadHours ?? LEAD_TIME_HOURS}時間以降をお選びください。`,
  PICK_UP_TOO_FAR: (d) =>
    `ご予約は${d.horizonDays ?? HORIZON_DAYS}日先${dateText(d.lastPickUpDate, "ja", "(", ")")}までの貸出分を承っています。貸出日を早めてください。`,
  PICK_UP_OUTSIDE_HOURS: (d) => hoursProblem(d, "ja", "pickUp"),
  RETURN_OUTSIDE_HOURS: (d) => hoursProblem(d, "ja", "return"),
  UNKNOWN_LOCATION: () => "お選びの店舗が見つかりません。一覧から店舗をお選びください。",
  UNKNOWN_CAR_CLASS: () =>
    "お選びの車両クラスは取り扱っていません。検索結果から車両をお選びください。",
  UNKNOWN_OPTION: () => "お選びのオプションは取り扱っていません。オプションを選び直してください。",
  TOO_MANY: (d) =>
    d.option === undefined || d.maxQuantity === undefined
      ? "オプションの数量をご確認ください。"
      : `${d.option.ja}は1回のご予約につき${d.maxQuantity}つまでお選びいただけます。`,
  ONE_WAY_NOT_OFFERED: (d) =>
    d.from === undefined || d.to === undefined || d.region === undefined
      ? "この店舗の組み合わせでは乗り捨てできません。返却店舗を選び直してください。"
      : `${d.from.ja}で借りた車を${d.to.ja}で返却することはできません。乗り捨ては${d.region.ja}の店舗間に限ります。返却店舗を選び直してください。`,
};

const EN: Messages = {
  INVALID_DATE: () => "That date or time does not exist. Please choose a date and time again.",
  RETURN_BEFORE_PICK_UP: () => "Please choose a return date and time after the pick-up.",
  RENTAL_TOO_LONG: (d) =>
    `Online bookings are for ${d.maxDays ?? MAX_RENTAL_DAYS} days at most. Please choose an earlier return date.`,
  PICK_UP_IN_PAST: (d) =>
    `That pick-up time has already passed. Please choose a pick-up at least ${d.leadHours ?? LEAD_TIME_HOURS} hours from now.`,
  PICK_UP_TOO_SOON: (d) =>
    `Please choose a pick-up at least ${d.leadHours ?? LEAD_TIME_HOURS} hours from now.`,
  PICK_UP_TOO_FAR: (d) =>
    `We take bookings for pick-ups up to ${d.horizonDays ?? HORIZON_DAYS} days ahead${dateText(d.lastPickUpDate, "en", " (until ", ")")}. Please choose an earlier pick-up date.`,
  PICK_UP_OUTSIDE_HOURS: (d) => hoursProblem(d, "en", "pickUp"),
  RETURN_OUTSIDE_HOURS: (d) => hoursProblem(d, "en", "return"),
  UNKNOWN_LOCATION: () => "We do not know that shop. Please choose one from the list.",
  UNKNOWN_CAR_CLASS: () =>
    "We do not offer that car class. Please choose a car from the search results.",
  UNKNOWN_OPTION: () => "We do not offer that option. Please choose the options again.",
  TOO_MANY: (d) =>
    d.option === undefined || d.maxQuantity === undefined
      ? "Please check the option quantities."
      : `${d.option.en}: at most ${d.maxQuantity} per booking.`,
  ONE_WAY_NOT_OFFERED: (d) =>
    d.from === undefined || d.to === undefined || d.region === undefined
      ? "One-way rentals are not offered between these shops. Please choose another return shop."
      : `A car picked up at ${d.from.en} cannot be returned to ${d.to.en}: one-way rentals stay within ${d.region.en}. Please choose another return shop.`,
};

/** The sentence a shopper reads for `error`, in `lang`, saying what to change. */
export function pricingProblem(error: PricingError, lang: Lang): string {
  return (lang === "ja" ? JA : EN)[error.code](error.details);
}
