export {
  CHECKOUT_EXPIRY_SECONDS,
  type CheckoutLineItem,
  type CheckoutRequest,
  type CheckoutRequestInput,
  checkoutRequestSchema,
  METADATA_LIMITS,
  ORDER_REF_PATTERN,
  parseCheckoutRequest,
} from "./checkout-request";
