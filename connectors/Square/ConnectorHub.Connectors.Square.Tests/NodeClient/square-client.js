// Drives the ConnectorHub Square emulator with Square's official Node client and prints what it saw as JSON.
// Usage: node square-client.js <base-url> <access-token>
"use strict";
const { SquareClient, SquareError } = require("square");

async function main() {
  const [baseUrl, token] = process.argv.slice(2);
  const client = new SquareClient({ token, baseUrl: baseUrl.replace(/\/$/, ""), version: "2026-09-16", maxRetries: 0 });
  const out = {};

  const locations = (await client.locations.list()).locations ?? [];
  out.locationIds = locations.map((l) => l.id);

  out.listedCustomerIds = [];
  const listed = await client.customers.list({ limit: 40, sortField: "CREATED_AT", sortOrder: "ASC" });
  for await (const customer of listed) out.listedCustomerIds.push(customer.id);

  const retrieved = await client.customers.get({ customerId: out.listedCustomerIds[0] });
  out.retrievedCustomer = { id: retrieved.customer.id, email: retrieved.customer.emailAddress ?? null, givenName: retrieved.customer.givenName ?? null };
  try {
    await client.customers.get({ customerId: "NO-SUCH-CUSTOMER" });
    out.missingCustomerError = null;
  } catch (e) {
    if (!(e instanceof SquareError)) throw e;
    out.missingCustomerError = { statusCode: e.statusCode, category: e.errors[0].category, code: e.errors[0].code, detail: e.errors[0].detail };
  }

  out.searchedCustomerIds = [];
  let cursor;
  do {
    const page = await client.customers.search({
      limit: BigInt(25),
      cursor,
      query: { filter: { updatedAt: { startAt: "2000-01-01T00:00:00Z" } }, sort: { field: "CREATED_AT", order: "ASC" } },
    });
    for (const c of page.customers ?? []) out.searchedCustomerIds.push(c.id);
    cursor = page.cursor;
  } while (cursor);

  out.orderIds = [];
  out.firstOrderTotal = null;
  for (let i = 0; i < locations.length; i += 10) {
    const locationIds = out.locationIds.slice(i, i + 10);
    let orderCursor;
    do {
      const page = await client.orders.search({
        locationIds,
        cursor: orderCursor,
        limit: 100,
        query: { filter: { dateTimeFilter: { updatedAt: { startAt: "2000-01-01T00:00:00Z" } } }, sort: { sortField: "UPDATED_AT", sortOrder: "ASC" } },
      });
      for (const o of page.orders ?? []) {
        out.orderIds.push(o.id);
        if (out.firstOrderTotal === null) out.firstOrderTotal = { id: o.id, amount: Number(o.totalMoney.amount), lines: o.lineItems.length };
      }
      orderCursor = page.cursor;
    } while (orderCursor);
  }

  out.paymentIds = [];
  for (const locationId of out.locationIds) {
    const payments = await client.payments.list({ locationId, beginTime: "2010-01-01T00:00:00Z", sortField: "UPDATED_AT", sortOrder: "ASC", limit: 50 });
    for await (const p of payments) out.paymentIds.push(p.id);
  }

  try {
    await client.orders.search({
      locationIds: out.locationIds.slice(0, 2),
      query: { filter: { dateTimeFilter: { updatedAt: { startAt: "2000-01-01T00:00:00Z" } } }, sort: { sortField: "CREATED_AT" } },
    });
    out.mismatchError = null;
  } catch (e) {
    if (!(e instanceof SquareError)) throw e;
    out.mismatchError = { statusCode: e.statusCode, code: e.errors[0].code, field: e.errors[0].field };
  }

  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
