using Dapper;
using Npgsql;

namespace ConnectorHub.Benchmarks.Segments;

/// <summary>
/// Between rounds, a share of the members leave (their plan turns from gold to silver) and as many people who qualify
/// but for their plan enter (their plan turns gold), so every refresh has a change set to diff, open and close.
/// </summary>
internal sealed class Churn
{
    private readonly Random _random = new(11);
    private readonly List<long> _members;
    private readonly List<long> _candidates;

    private Churn(List<long> members, List<long> candidates) => (_members, _candidates) = (members, candidates);

    /// <summary>Reads the current members of <paramref name="rule"/> and the people who qualify but for their plan.</summary>
    public static async Task<Churn> ReadAsync(NpgsqlDataSource dataSource, BenchRule rule, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var qualifying = (await connection.QueryAsync<long>(rule.QualifiesButForPlan, new { since = now.AddDays(-30), now }, commandTimeout: 0)).ToHashSet();
        var gold = (await connection.QueryAsync<long>("SELECT profile_id FROM profile_traits WHERE name = 'plan' AND search_value = 'gold'", commandTimeout: 0)).ToHashSet();
        return new Churn(qualifying.Where(gold.Contains).ToList(), qualifying.Where(p => !gold.Contains(p)).ToList());
    }

    /// <summary>Moves <paramref name="share"/> of the members out and as many candidates in; returns how many each way.</summary>
    public async Task<int> ApplyAsync(NpgsqlDataSource dataSource, double share)
    {
        var moves = Math.Max(1, (int)Math.Round(_members.Count * share));
        var leaving = Take(_members, moves);
        var entering = Take(_candidates, moves);
        _members.AddRange(entering);
        _candidates.AddRange(leaving);
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            UPDATE profile_traits SET value = '"silver"', search_value = 'silver' WHERE name = 'plan' AND profile_id = ANY(@leaving);
            UPDATE profile_traits SET value = '"gold"', search_value = 'gold' WHERE name = 'plan' AND profile_id = ANY(@entering);
            """, new { leaving = leaving.ToArray(), entering = entering.ToArray() });
        return moves;
    }

    private List<long> Take(List<long> from, int count)
    {
        var taken = new List<long>(count);
        for (var i = 0; i < count && from.Count > 0; i++)
        {
            var index = _random.Next(from.Count);
            taken.Add(from[index]);
            from[index] = from[^1];
            from.RemoveAt(from.Count - 1);
        }

        return taken;
    }
}
