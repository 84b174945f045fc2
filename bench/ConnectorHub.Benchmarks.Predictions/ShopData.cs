using Npgsql;

namespace ConnectorHub.Benchmarks.Predictions;

/// <summary>
/// A year of a shop with <c>customers</c> customers, generated set-based in PostgreSQL from a fixed seed: six in ten
/// stay active (they order through the year and browse in the last two months), the others lapsed some months ago
/// (their last orders are older, they barely browse), and a few of each break the pattern, so the models have a
/// signal to find and both publish.
/// </summary>
internal static class ShopData
{
    public static async Task LoadAsync(string connectionString, int customers, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("n", customers);
            command.Parameters.AddWithValue("now", now);
            await command.ExecuteNonQueryAsync();
        }

        await ExecuteAsync("SELECT setseed(0.42)");
        await ExecuteAsync("INSERT INTO profiles (id, created_at, updated_at) SELECT g, @now - interval '400 days', @now - interval '400 days' FROM generate_series(1, @n) g");
        // Active customers (g % 10 < 6) order at any time of the year; lapsed ones only until 120 to 300 days ago. One in
        // twenty of either kind is flipped for the last 90 days, so the past never tells everything.
        await ExecuteAsync(
            """
            INSERT INTO orders (source, order_id, profile_id, channel, currency, total, placed_at, stored_at)
            SELECT 'shop', g || '-' || k, g, 'online', 'USD', round((20 + random() * 80 + (g % 5) * 10)::numeric, 2), at, at
            FROM (
                SELECT g, k, @now - make_interval(secs => 86400 * CASE
                    WHEN g % 10 < 6 THEN random() * 365
                    ELSE 120 + (g % 180) + random() * (245 - (g % 180)) END) AS at
                FROM generate_series(1, @n) g, generate_series(1, 2 + (g % 5)) k
                UNION ALL
                SELECT g, 100, @now - make_interval(secs => 86400 * random() * 89)
                FROM generate_series(1, @n) g WHERE g % 20 = 7) o
            """);
        await ExecuteAsync(
            """
            INSERT INTO events (source, message_id, type, name, profile_id, event_time, received_at)
            SELECT 'web', g || '-' || k, 'track', CASE WHEN k % 3 = 0 THEN 'Page Viewed' ELSE 'Product Viewed' END, g, at, at
            FROM (
                SELECT g, k, @now - make_interval(secs => 86400 * (random() * CASE WHEN g % 10 < 6 THEN 200 ELSE 400 END)) AS at
                FROM generate_series(1, @n) g, generate_series(1, CASE WHEN g % 10 < 6 THEN 6 ELSE 2 END) k) e
            WHERE at > @now - interval '200 days'
            """);
        await ExecuteAsync("ANALYZE");
    }
}
