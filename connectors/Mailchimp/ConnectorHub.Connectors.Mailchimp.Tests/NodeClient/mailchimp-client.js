// Drives the ConnectorHub Mailchimp emulator with Mailchimp's official Node client and prints what it saw as JSON.
// Usage: node mailchimp-client.js <base-url> <api-key> <oauth-access-token> <list-id>
"use strict";
const crypto = require("crypto");
const mailchimp = require("@mailchimp/mailchimp_marketing");

async function main() {
  const [baseUrl, apiKey, accessToken, listId] = process.argv.slice(2);
  const [, server] = apiKey.split("-");
  // The client builds https://{server}.api.mailchimp.com/3.0; the emulator stands in for that host.
  mailchimp.basePath = baseUrl.replace(/\/$/, "") + "/3.0";
  const out = {};

  mailchimp.setConfig({ apiKey, server });
  out.ping = (await mailchimp.ping.get()).health_status;
  const lists = await mailchimp.lists.getAllLists();
  out.listsKeys = Object.keys(lists).sort();
  out.list = await mailchimp.lists.getList(listId);

  const email = "ada.lovelace@sandbox-mail.dev";
  const batch = await mailchimp.lists.batchListMembers(listId, {
    members: [{
      email_address: email, status: "subscribed", merge_fields: { FNAME: "Ada", LNAME: "Lovelace" }, language: "fr", vip: true,
      location: { latitude: 48.85, longitude: 2.35 }, ip_signup: "203.0.113.9", timestamp_signup: "2026-10-01T09:00:00+00:00",
    }],
    update_existing: true,
  });
  out.batch = { created: batch.total_created, errors: batch.error_count, links: batch._links.length };
  const hash = crypto.createHash("md5").update(email.toLowerCase()).digest("hex");
  out.member = await mailchimp.lists.getListMember(listId, hash);

  // An OAuth app: its bearer token, and the account's data center from the metadata endpoint.
  const metadata = await fetch(baseUrl.replace(/\/$/, "") + "/oauth2/metadata", { headers: { Authorization: "OAuth " + accessToken } });
  out.metadata = await metadata.json();
  mailchimp.setConfig({ accessToken, server: out.metadata.dc });
  out.oauthMembers = (await mailchimp.lists.getListMembersInfo(listId)).members.map((m) => m.email_address);
  mailchimp.setConfig({ accessToken: "not-a-token", server });
  try {
    await mailchimp.lists.getList(listId);
    out.badToken = null;
  } catch (e) {
    out.badToken = { status: e.status, title: e.response && e.response.body && e.response.body.title };
  }

  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + (e && e.response ? " " + JSON.stringify(e.response.body) : ""));
  process.exit(1);
});
