export {
  CHECKOUT_EXPIRY_SECONDS,
  type CheckoutLineItem,
  type CheckoutRequest,
  type CheckoutRequestInput,
  checkoutRequestSchema,
  KONBINI_EXPIRY_DAYS,
  type KonbiniOptions,
  METADATA_LIMITS,
  ORDER_REF_PATTERN,
  PAYMENT_METHODS,
  type PaymentMethod,
  parseCheckoutRequest,
} from "./checkout-request";
