using System.Text.Json;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;
using Npgsql;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>
/// The canonical store on PostgreSQL: array-parameter statements, one transaction per batch. Events dedup through
/// <c>event_message_ids</c> in the same statement that inserts them; orders keep their latest version.
/// </summary>
internal sealed class PostgresCanonicalWriter(HubDatabase database, EventPartitions partitions) : ICanonicalWriter
{
    public async Task WriteAsync(CanonicalBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = CanonicalDedup.Events(batch.Events);
        await partitions.EnsureAsync(database.PostgresDataSource, events.Select(e => e.Event.Timestamp), cancellationToken);
        await using var connection = await database.PostgresDataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (events.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                """
                WITH input AS (
                    SELECT * FROM unnest(@sources, @ids, @types, @names, @profiles, @users, @anonymous, @properties, @contexts, @times, @sent, @received)
                        AS u(source, message_id, type, name, profile_id, user_id, anonymous_id, properties, context, event_time, sent_at, received_at)
                ), fresh AS (
                    INSERT INTO event_message_ids (source, message_id, event_time)
                    SELECT source, message_id, event_time FROM input
                    ON CONFLICT DO NOTHING RETURNING source, message_id
                )
                INSERT INTO events (source, message_id, type, name, profile_id, user_id, anonymous_id, properties, context, event_time, sent_at, received_at)
                SELECT i.source, i.message_id, i.type, i.name, i.profile_id, i.user_id, i.anonymous_id, i.properties::jsonb, i.context::jsonb, i.event_time, i.sent_at, i.received_at
                FROM input i JOIN fresh f ON f.source = i.source AND f.message_id = i.message_id
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string[]>("sources", events.Select(e => e.Source).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", events.Select(e => e.Event.MessageId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("types", events.Select(e => e.Event.Type).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("names", events.Select(e => e.Event.Name).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<long?[]>("profiles", events.Select(e => e.ProfileId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("users", events.Select(e => e.Event.UserId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("anonymous", events.Select(e => e.Event.AnonymousId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("properties", events.Select(e => e.Event.Properties?.ToJsonString()).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("contexts", events.Select(e => e.Event.Context?.ToJsonString()).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("times", events.Select(e => e.Event.Timestamp.ToUniversalTime()).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]>("sent", events.Select(e => e.Event.SentAt?.ToUniversalTime()).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("received", events.Select(e => (e.Event.ReceivedAt ?? now).ToUniversalTime()).ToArray()));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await WriteOrdersAsync(connection, transaction, CanonicalDedup.Orders(batch.Orders), now, cancellationToken);
        await WriteAdPerformanceAsync(connection, transaction, CanonicalDedup.AdPerformance(batch.AdPerformance), now, cancellationToken);
        await WriteAccountsAsync(connection, transaction, CanonicalDedup.Accounts(batch.Accounts), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteOrdersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(Order Order, long? ProfileId)> orders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return;
        }

        // A replay or an older version never overwrites a newer one.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO orders (source, order_id, profile_id, channel, status, currency, subtotal, tax, shipping, discount, total, line_items, customer_identifiers, placed_at, updated_at, stored_at)
            SELECT u.source, u.order_id, u.profile_id, u.channel, u.status, u.currency, u.subtotal, u.tax, u.shipping, u.discount, u.total,
                   u.line_items::jsonb, u.customer_identifiers::jsonb, u.placed_at, u.updated_at, @now
            FROM unnest(@sources, @ids, @profiles, @channels, @statuses, @currencies, @subtotals, @taxes, @shipping, @discounts, @totals, @items, @customers, @placed, @updated)
                AS u(source, order_id, profile_id, channel, status, currency, subtotal, tax, shipping, discount, total, line_items, customer_identifiers, placed_at, updated_at)
            ON CONFLICT (source, order_id) DO UPDATE SET profile_id = coalesce(excluded.profile_id, orders.profile_id), channel = excluded.channel,
                status = excluded.status, currency = excluded.currency, subtotal = excluded.subtotal, tax = excluded.tax, shipping = excluded.shipping,
                discount = excluded.discount, total = excluded.total, line_items = excluded.line_items, customer_identifiers = excluded.customer_identifiers,
                placed_at = excluded.placed_at, updated_at = excluded.updated_at, stored_at = excluded.stored_at
            WHERE orders.updated_at IS NULL OR excluded.updated_at IS NULL OR excluded.updated_at >= orders.updated_at
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("sources", orders.Select(o => o.Order.Source).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", orders.Select(o => o.Order.OrderId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long?[]>("profiles", orders.Select(o => o.ProfileId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("channels", orders.Select(o => o.Order.Channel).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("statuses", orders.Select(o => o.Order.Status).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("currencies", orders.Select(o => o.Order.Currency).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<decimal?[]>("subtotals", orders.Select(o => o.Order.Subtotal).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<decimal?[]>("taxes", orders.Select(o => o.Order.Tax).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<decimal?[]>("shipping", orders.Select(o => o.Order.Shipping).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<decimal?[]>("discounts", orders.Select(o => o.Order.Discount).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<decimal[]>("totals", orders.Select(o => o.Order.Total).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("items", orders.Select(o => Json(o.Order.LineItems)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("customers", orders.Select(o => Json(o.Order.CustomerIdentifiers)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("placed", orders.Select(o => o.Order.PlacedAt.ToUniversalTime()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]>("updated", orders.Select(o => o.Order.UpdatedAt?.ToUniversalTime()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteAdPerformanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AdPerformance> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO ad_performance (platform, account_id, campaign_id, ad_set_id, ad_id, date, campaign_name, ad_set_name, ad_name, impressions, clicks, spend, currency, conversions, stored_at)
            SELECT u.*, @now FROM unnest(@platforms, @accounts, @campaigns, @adsets, @ads, @dates, @campaignNames, @adsetNames, @adNames, @impressions, @clicks, @spend, @currencies, @conversions) AS u
            ON CONFLICT (platform, account_id, campaign_id, ad_set_id, ad_id, date) DO UPDATE SET campaign_name = excluded.campaign_name,
                ad_set_name = excluded.ad_set_name, ad_name = excluded.ad_name, impressions = excluded.impressions, clicks = excluded.clicks,
                spend = excluded.spend, currency = excluded.currency, conversions = excluded.conversions, stored_at = excluded.stored_at
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("platforms", rows.Select(r => r.Platform).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("accounts", rows.Select(r => r.AccountId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("campaigns", rows.Select(r => r.CampaignId ?? string.Empty).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("adsets", rows.Select(r => r.AdSetId ?? string.Empty).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ads", rows.Select(r => r.AdId ?? string.Empty).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("dates", rows.Select(r => r.Date).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("campaignNames", rows.Select(r => r.CampaignName).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("adsetNames", rows.Select(r => r.AdSetName).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("adNames", rows.Select(r => r.AdName).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("impressions", rows.Select(r => r.Impressions).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("clicks", rows.Select(r => r.Clicks).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<decimal[]>("spend", rows.Select(r => r.Spend).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("currencies", rows.Select(r => r.Currency).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<decimal?[]>("conversions", rows.Select(r => r.Conversions).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteAccountsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (accounts.Count == 0)
        {
            return;
        }

        var members = accounts.SelectMany(a => a.Members.Distinct().Select(m => (a.Account, Member: m))).ToArray();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO accounts (source, account_id, domain, name, industry, traits, observed_at, stored_at)
            SELECT u.source, u.account_id, u.domain, u.name, u.industry, u.traits::jsonb, u.observed_at, @now
            FROM unnest(@sources, @ids, @domains, @names, @industries, @traits, @observed) AS u(source, account_id, domain, name, industry, traits, observed_at)
            ON CONFLICT (source, account_id) DO UPDATE SET domain = coalesce(excluded.domain, accounts.domain), name = coalesce(excluded.name, accounts.name), industry = coalesce(excluded.industry, accounts.industry),
                traits = coalesce(excluded.traits, accounts.traits), observed_at = excluded.observed_at, stored_at = excluded.stored_at
            WHERE excluded.observed_at >= accounts.observed_at;
            INSERT INTO account_members (source, account_id, profile_id, linked_at)
            SELECT u.*, @now FROM unnest(@memberSources, @memberAccounts, @memberProfiles) AS u
            ON CONFLICT DO NOTHING;
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("sources", accounts.Select(a => a.Account.Source).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", accounts.Select(a => a.Account.AccountId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("domains", accounts.Select(a => a.Account.Domain?.ToLowerInvariant()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("names", accounts.Select(a => a.Account.Name).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("industries", accounts.Select(a => a.Account.Industry).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("traits", accounts.Select(a => a.Account.Traits?.ToJsonString()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("observed", accounts.Select(a => a.Account.ObservedAt.ToUniversalTime()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("memberSources", members.Select(m => m.Account.Source).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("memberAccounts", members.Select(m => m.Account.AccountId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("memberProfiles", members.Select(m => m.Member).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string? Json<T>(T? value) where T : class => value is null ? null : JsonSerializer.Serialize(value, CanonicalJson.Options);
}
