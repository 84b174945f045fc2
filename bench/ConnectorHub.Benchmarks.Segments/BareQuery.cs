using ConnectorHub.Core.Segments.Compilation;
using ConnectorHub.Core.Segments.Rules;
using ConnectorHub.Core.Storage;
using Dapper;
using Npgsql;

namespace ConnectorHub.Benchmarks.Segments;

/// <summary>
/// A rule's SQL run bare, as the baseline: the least a refresh must do (evaluate the rule into a temp table, in a
/// transaction with the refresh's <c>work_mem</c>) or a preview (count it). Two of them: a hand-written query, and
/// the product's own compiled SQL; the baseline is whichever is faster.
/// </summary>
internal sealed class BareQuery(string name, string selectIds, object parameters)
{
    public string Name { get; } = name;

    public static BareQuery HandWritten(BenchRule rule, DateTimeOffset now) => new("hand-written SQL", rule.HandWritten, new { since = now.AddDays(-30), now });

    /// <summary>The SQL the refresh itself runs for <paramref name="rule"/> at <paramref name="now"/>.</summary>
    public static BareQuery Compiled(string rule, DateTimeOffset now)
    {
        var compiled = new RuleCompiler(StorageProvider.Postgres, now, RuleReferences.None).Compile(RuleParser.Parse(rule));
        return new BareQuery("compiled SQL, bare", compiled.SelectIds, compiled.Parameters);
    }

    /// <summary>Evaluates the rule into a temp table; returns the number of ids.</summary>
    public async Task<long> MaterializeAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL work_mem = '256MB'", transaction: transaction);
        await connection.ExecuteAsync($"CREATE TEMP TABLE bare_ids ON COMMIT DROP AS {selectIds}", parameters, transaction, commandTimeout: 0);
        var count = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM bare_ids", transaction: transaction);
        await transaction.CommitAsync();
        return count;
    }

    /// <summary>Counts the rule's ids.</summary>
    public async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL work_mem = '256MB'", transaction: transaction);
        var count = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM ({selectIds}) m", parameters, transaction, commandTimeout: 0);
        await transaction.CommitAsync();
        return count;
    }
}
