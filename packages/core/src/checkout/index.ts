export {
  CHECKOUT_EXPIRY_SECONDS,
  type CheckoutLineItem,
  type CheckoutRequest,
  type CheckoutRequestInput,
  checkoutRequestSchema,
  METADATA_LIMITS,
  parseCheckoutRequest,
} from "./checkout-request";
