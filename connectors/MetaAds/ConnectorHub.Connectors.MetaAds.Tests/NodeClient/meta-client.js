// Drives the ConnectorHub Meta Ads Insights emulator with Meta's official Node Business SDK; prints what it saw as JSON.
// Usage: node meta-client.js <base-url> <access-token> <ad-account-id>
"use strict";
const bizSdk = require("facebook-nodejs-business-sdk");
const { FacebookAdsApi, AdAccount, AdReportRun } = bizSdk;

async function all(cursor) {
  const rows = cursor.map((o) => o._data);
  while (cursor.hasNext()) {
    cursor = await cursor.next();
    rows.push(...cursor.map((o) => o._data));
  }
  return rows;
}

async function main() {
  const [baseUrl, token, accountId] = process.argv.slice(2);
  // The SDK always calls graph.facebook.com; point it at the emulator.
  Object.defineProperty(FacebookAdsApi, "GRAPH", { get: () => baseUrl.replace(/\/$/, ""), configurable: true });
  FacebookAdsApi.init(token, "en_US", false);
  const account = new AdAccount(`act_${accountId}`);
  const out = { version: FacebookAdsApi.VERSION };

  const info = await account.read(["name", "currency", "timezone_name"]);
  out.account = { id: info.id, name: info._data.name, timezone: info._data.timezone_name };

  out.campaignIds = (await all(await account.getCampaigns(["id", "name"], { limit: 2 }))).map((c) => c.id);
  out.adIds = (await all(await account.getAds(["id", "adset_id"], { limit: 5 }))).map((a) => a.id);

  const insights = await all(await account.getInsights(
    ["ad_id", "impressions", "spend", "actions"],
    { level: "ad", time_range: { since: "2024-05-01", until: "2024-05-03" }, time_increment: 1, limit: 7 }));
  out.syncRows = insights.map((r) => ({ ad_id: r.ad_id, date: r.date_start, impressions: r.impressions, spend: r.spend }));

  let run = await account.getInsightsAsync(
    ["campaign_id", "impressions"],
    { level: "campaign", time_range: { since: "2024-05-01", until: "2024-05-07" }, time_increment: 1 });
  out.statuses = [];
  for (let i = 0; i < 10; i++) {
    run = await run.get([AdReportRun.Fields.async_status, AdReportRun.Fields.async_percent_completion]);
    out.statuses.push(run._data.async_status);
    if (run._data.async_status === "Job Completed") break;
  }
  out.asyncRows = (await all(await run.getInsights(["campaign_id", "impressions"], { limit: 4 }))).length;

  try {
    await new AdAccount("act_1").read(["name"]);
    out.unknownAccountError = null;
  } catch (e) {
    out.unknownAccountError = { status: e.status, code: e.response && e.response.code, subcode: e.response && e.response.error_subcode };
  }

  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + (e && e.response ? JSON.stringify(e.response) : ""));
  process.exit(1);
});
