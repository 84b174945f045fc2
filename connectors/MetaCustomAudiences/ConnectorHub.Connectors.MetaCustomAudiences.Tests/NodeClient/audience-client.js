// Drives the ConnectorHub Meta Custom Audiences emulator with Meta's official Node Business SDK; prints what it saw as JSON.
// Usage: node audience-client.js <base-url> <access-token> <audience-id>
"use strict";
const crypto = require("crypto");
const { FacebookAdsApi, CustomAudience } = require("facebook-nodejs-business-sdk");

const sha = (value) => crypto.createHash("sha256").update(value).digest("hex");

async function main() {
  const [baseUrl, token, audienceId] = process.argv.slice(2);
  // The SDK always calls graph.facebook.com; point it at the emulator.
  Object.defineProperty(FacebookAdsApi, "GRAPH", { get: () => baseUrl.replace(/\/$/, ""), configurable: true });
  FacebookAdsApi.init(token, "en_US", false);
  const audience = new CustomAudience(audienceId);
  const out = { version: FacebookAdsApi.VERSION };

  // Meta's examples send no session: each request stands alone.
  const schema = ["EMAIL", "GEN", "DOBY", "DOBM", "DOBD", "MADID"];
  const alone = await audience.createUser([], {
    payload: { schema, data: [[sha("ada@shop.test"), sha("f"), sha("1990"), sha("07"), sha("04"), "6d92078a-8246-4ba4-ae5b-76104861e7dc"]] },
  });
  out.alone = alone._data;

  // A session of two batches, the second closing it.
  const session = (seq, last) => ({ session_id: 424242, batch_seq: seq, last_batch_flag: last, estimated_num_total: 2 });
  out.batches = [];
  out.batches.push((await audience.createUser([], { payload: { schema: "EMAIL_SHA256", data: [sha("bob@shop.test")] }, session: session(1, false) }))._data);
  out.batches.push((await audience.createUser([], { payload: { schema: "EMAIL_SHA256", data: [sha("cy@shop.test")] }, session: session(2, true) }))._data);

  out.removed = await audience.deleteUsers({ payload: { schema: "EMAIL_SHA256", data: [sha("bob@shop.test")] } });
  try {
    await audience.createUser([], { payload: { schema: ["EMAIL", "GENDER"], data: [[sha("x@shop.test"), "f"]] } });
    out.unknownKeyError = null;
  } catch (e) {
    out.unknownKeyError = { status: e.status, message: e.message };
  }

  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + (e && e.response ? " " + JSON.stringify(e.response) : ""));
  process.exit(1);
});
