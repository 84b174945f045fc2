using System.Globalization;
using ConnectorHub.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>The canonical store on SQLite: multi-row inserts with ON CONFLICT, one transaction per batch.</summary>
internal sealed class SqliteCanonicalWriter(HubDatabase database) : ICanonicalWriter
{
    public async Task WriteAsync(CanonicalBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = SqliteTime.Write(now);
        await using var connection = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await Insert(connection, transaction, "events",
                ["source", "message_id", "type", "name", "profile_id", "user_id", "anonymous_id", "properties", "context", "event_time", "sent_at", "received_at"],
                "ON CONFLICT (source, message_id) DO NOTHING")
            .InsertAsync(CanonicalDedup.Events(batch.Events).Select(e => new object?[]
            {
                e.Source, e.Event.MessageId, e.Event.Type, e.Event.Name, e.ProfileId, e.Event.UserId, e.Event.AnonymousId,
                e.Event.Properties?.ToJsonString(), e.Event.Context?.ToJsonString(), SqliteTime.Write(e.Event.Timestamp),
                e.Event.SentAt is { } sent ? SqliteTime.Write(sent) : null, SqliteTime.Write(e.Event.ReceivedAt ?? now),
            }), cancellationToken);
        await Insert(connection, transaction, "orders",
                ["source", "order_id", "profile_id", "channel", "status", "currency", "subtotal", "tax", "shipping", "discount", "total", "line_items", "customer_identifiers", "placed_at", "updated_at", "stored_at"],
                """
                ON CONFLICT (source, order_id) DO UPDATE SET profile_id = coalesce(excluded.profile_id, orders.profile_id), channel = excluded.channel,
                    status = excluded.status, currency = excluded.currency, subtotal = excluded.subtotal, tax = excluded.tax, shipping = excluded.shipping,
                    discount = excluded.discount, total = excluded.total, line_items = excluded.line_items, customer_identifiers = excluded.customer_identifiers,
                    placed_at = excluded.placed_at, updated_at = excluded.updated_at, stored_at = excluded.stored_at
                WHERE orders.updated_at IS NULL OR excluded.updated_at IS NULL OR excluded.updated_at >= orders.updated_at
                """)
            .InsertAsync(CanonicalDedup.Orders(batch.Orders).Select(o => new object?[]
            {
                o.Order.Source, o.Order.OrderId, o.ProfileId, o.Order.Channel, o.Order.Status, o.Order.Currency, o.Order.Subtotal, o.Order.Tax,
                o.Order.Shipping, o.Order.Discount, o.Order.Total, PostgresCanonicalWriter.Json(o.Order.LineItems), PostgresCanonicalWriter.Json(o.Order.CustomerIdentifiers),
                SqliteTime.Write(o.Order.PlacedAt), o.Order.UpdatedAt is { } updated ? SqliteTime.Write(updated) : null, at,
            }), cancellationToken);
        await Insert(connection, transaction, "ad_performance",
                ["platform", "account_id", "campaign_id", "ad_set_id", "ad_id", "date", "campaign_name", "ad_set_name", "ad_name", "impressions", "clicks", "spend", "currency", "conversions", "stored_at"],
                """
                ON CONFLICT (platform, account_id, campaign_id, ad_set_id, ad_id, date) DO UPDATE SET campaign_name = excluded.campaign_name,
                    ad_set_name = excluded.ad_set_name, ad_name = excluded.ad_name, impressions = excluded.impressions, clicks = excluded.clicks,
                    spend = excluded.spend, currency = excluded.currency, conversions = excluded.conversions, stored_at = excluded.stored_at
                """)
            .InsertAsync(CanonicalDedup.AdPerformance(batch.AdPerformance).Select(r => new object?[]
            {
                r.Platform, r.AccountId, r.CampaignId ?? string.Empty, r.AdSetId ?? string.Empty, r.AdId ?? string.Empty,
                r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.CampaignName, r.AdSetName, r.AdName, r.Impressions, r.Clicks, r.Spend,
                r.Currency, r.Conversions, at,
            }), cancellationToken);
        var accounts = CanonicalDedup.Accounts(batch.Accounts);
        await Insert(connection, transaction, "accounts",
                ["source", "account_id", "domain", "name", "industry", "traits", "observed_at", "stored_at"],
                """
                ON CONFLICT (source, account_id) DO UPDATE SET domain = coalesce(excluded.domain, accounts.domain), name = coalesce(excluded.name, accounts.name), industry = coalesce(excluded.industry, accounts.industry),
                    traits = coalesce(excluded.traits, accounts.traits), observed_at = excluded.observed_at, stored_at = excluded.stored_at
                WHERE excluded.observed_at >= accounts.observed_at
                """)
            .InsertAsync(accounts.Select(a => new object?[]
            {
                a.Account.Source, a.Account.AccountId, a.Account.Domain?.ToLowerInvariant(), a.Account.Name, a.Account.Industry,
                a.Account.Traits?.ToJsonString(), SqliteTime.Write(a.Account.ObservedAt), at,
            }), cancellationToken);
        await Insert(connection, transaction, "account_members", ["source", "account_id", "profile_id", "linked_at"], "ON CONFLICT DO NOTHING")
            .InsertAsync(accounts.SelectMany(a => a.Members.Select(m => new object?[] { a.Account.Source, a.Account.AccountId, m, at })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static SqliteBulkInsert Insert(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, string suffix) =>
        new(connection, transaction, table, columns, suffix);
}
