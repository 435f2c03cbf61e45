import { gql, type VendureTestServer } from './server';

/**
 * A buyer going through Vendure's own checkout on the Shop API: cart, customer, address,
 * shipping, payment. Nothing is written to the database behind Vendure's back.
 */

type Result = { __typename: string; message?: string; errorCode?: string };

function expectType<T extends Result>(result: T, typename: string, step: string): T {
  if (result.__typename !== typename) {
    throw new Error(
      `Vendure shop checkout failed at ${step}: ${result.errorCode ?? result.__typename} ${result.message ?? ''}`,
    );
  }
  return result;
}

export interface PlacedOrder {
  readonly id: string;
  readonly code: string;
  readonly state: string;
  readonly totalWithTax: number;
  readonly lineIds: readonly string[];
}

export async function placeOrder(
  server: VendureTestServer,
  productVariantId: string,
  buyer = { email: 'buyer@example.org', country: 'DE' },
): Promise<PlacedOrder> {
  let token: string | null = null;
  const shop = <T>(query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(server.shopApiUrl, token, query, variables, (issued) => {
      token = issued;
    });
  const ORDER = `... on Order { id code state totalWithTax lines { id } }`;

  expectType(
    (
      await shop<{ addItemToOrder: Result }>(
        `mutation BuyerAddItem($id: ID!) {
          addItemToOrder(productVariantId: $id, quantity: 1) { __typename ${ORDER} ... on ErrorResult { errorCode message } }
        }`,
        { id: productVariantId },
      )
    ).addItemToOrder,
    'Order',
    'adding the item',
  );
  expectType(
    (
      await shop<{ setCustomerForOrder: Result }>(
        `mutation BuyerSetCustomer($input: CreateCustomerInput!) {
          setCustomerForOrder(input: $input) { __typename ... on ErrorResult { errorCode message } }
        }`,
        { input: { emailAddress: buyer.email, firstName: 'Bea', lastName: 'Buyer' } },
      )
    ).setCustomerForOrder,
    'Order',
    'setting the customer',
  );
  expectType(
    (
      await shop<{ setOrderShippingAddress: Result }>(
        `mutation BuyerSetAddress($input: CreateAddressInput!) {
          setOrderShippingAddress(input: $input) { __typename ... on ErrorResult { errorCode message } }
        }`,
        {
          input: {
            fullName: 'Bea Buyer',
            streetLine1: 'Hauptstraße 1',
            city: 'Berlin',
            postalCode: '10115',
            countryCode: buyer.country,
          },
        },
      )
    ).setOrderShippingAddress,
    'Order',
    'setting the address',
  );
  const methods = await shop<{ eligibleShippingMethods: { id: string }[] }>(
    `query BuyerShippingMethods { eligibleShippingMethods { id } }`,
  );
  expectType(
    (
      await shop<{ setOrderShippingMethod: Result }>(
        `mutation BuyerSetShipping($ids: [ID!]!) {
          setOrderShippingMethod(shippingMethodId: $ids) { __typename ... on ErrorResult { errorCode message } }
        }`,
        { ids: [methods.eligibleShippingMethods[0]!.id] },
      )
    ).setOrderShippingMethod,
    'Order',
    'choosing shipping',
  );
  expectType(
    (
      await shop<{ transitionOrderToState: Result }>(
        `mutation BuyerToPayment { transitionOrderToState(state: "ArrangingPayment") { __typename ... on ErrorResult { errorCode message } } }`,
      )
    ).transitionOrderToState,
    'Order',
    'going to payment',
  );
  const payment = await shop<{ eligiblePaymentMethods: { code: string; isEligible: boolean }[] }>(
    `query BuyerPaymentMethods { eligiblePaymentMethods { code isEligible } }`,
  );
  const paid = await shop<{ addPaymentToOrder: Result & PlacedOrder & { lines: { id: string }[] } }>(
    `mutation BuyerPay($input: PaymentInput!) {
      addPaymentToOrder(input: $input) { __typename ${ORDER} ... on ErrorResult { errorCode message } }
    }`,
    { input: { method: payment.eligiblePaymentMethods.find((m) => m.isEligible)!.code, metadata: {} } },
  );
  const order = expectType(paid.addPaymentToOrder, 'Order', 'paying');
  return {
    id: order.id,
    code: order.code,
    state: order.state,
    totalWithTax: order.totalWithTax,
    lineIds: order.lines.map((l) => l.id),
  };
}
