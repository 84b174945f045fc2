// Drives the Stripe emulator with Stripe's official Node client and prints what it saw as JSON.
// Usage: node stripe-client.js <base url> <secret key>
const Stripe = require('stripe');

async function main() {
  const [baseUrl, key] = process.argv.slice(2);
  const url = new URL(baseUrl);
  const options = { host: url.hostname, port: Number(url.port), protocol: url.protocol.replace(':', ''), maxNetworkRetries: 0 };
  const stripe = new Stripe(key, options);

  const customerIds = [];
  for await (const customer of stripe.customers.list({ limit: 7 })) {
    customerIds.push(customer.id);
  }

  const firstPage = await stripe.customers.list({ limit: 3 });
  const retrieved = await stripe.customers.retrieve(firstPage.data[0].id);
  const chargeIds = [];
  await stripe.charges.list({ limit: 10 }).autoPagingEach((charge) => { chargeIds.push(charge.id); });
  const since = firstPage.data[2].created;
  const recent = await stripe.customers.list({ created: { gte: since }, limit: 100 });
  const byCustomer = await stripe.charges.list({ customer: retrieved.id, limit: 100 });

  let missing = null;
  try {
    await stripe.customers.retrieve('cus_DOESNOTEXIST');
  } catch (e) {
    missing = { type: e.type, statusCode: e.statusCode, code: e.code, message: e.message };
  }

  let refused = null;
  try {
    await new Stripe('sk_test_wrong_key_000000000000', options).customers.list();
  } catch (e) {
    refused = { type: e.type, statusCode: e.statusCode, message: e.message };
  }

  let badLimit = null;
  try {
    await stripe.customers.list({ limit: 500 });
  } catch (e) {
    badLimit = { type: e.type, statusCode: e.statusCode, param: e.param };
  }

  console.log(JSON.stringify({
    customerIds,
    retrieved: { id: retrieved.id, email: retrieved.email, name: retrieved.name, object: retrieved.object },
    chargeIds,
    recentCustomerIds: recent.data.map((c) => c.id),
    chargesOfRetrieved: byCustomer.data.map((c) => c.customer),
    missing,
    refused,
    badLimit,
  }));
}

main().catch((e) => { console.error(e); process.exit(1); });
