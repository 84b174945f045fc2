using System.Data.Common;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;

namespace ConnectorHub.Core.Accounts;

/// <summary>
/// Reads B2B accounts (those group calls create, and any a source reports) with their members. A member merged into
/// another profile since it was linked is shown as the survivor.
/// </summary>
public sealed class AccountService(HubDatabase database)
{
    private const string Survivor = "coalesce(p.merged_into, m.profile_id)";

    /// <summary>Accounts whose id, name or domain contains <paramref name="query"/> (ignoring case), by source and id.</summary>
    public async Task<AccountPage> ListAsync(string? query, int limit, int offset, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, offset);
        var pattern = "%" + (query ?? string.Empty).ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        const string Where = """
            WHERE lower(a.account_id) LIKE @pattern ESCAPE '\' OR lower(coalesce(a.name, '')) LIKE @pattern ESCAPE '\' OR lower(coalesce(a.domain, '')) LIKE @pattern ESCAPE '\'
            """;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(Command($"SELECT count(*) FROM accounts a {Where}", new { pattern }, cancellationToken));
        var rows = await connection.QueryAsync<AccountRow>(Command(
            $"""
            SELECT a.source AS Source, a.account_id AS AccountId, a.name AS Name, a.domain AS Domain, a.industry AS Industry, a.observed_at AS ObservedAt,
                   (SELECT count(DISTINCT {Survivor}) FROM account_members m LEFT JOIN profiles p ON p.id = m.profile_id
                    WHERE m.source = a.source AND m.account_id = a.account_id) AS Members
            FROM accounts a {Where}
            ORDER BY a.source, a.account_id LIMIT @limit OFFSET @offset
            """, new { pattern, limit, offset }, cancellationToken));
        return new AccountPage(rows.Select(r => r.Summary()).ToArray(), (int)total);
    }

    /// <summary>The account <paramref name="accountId"/> of <paramref name="source"/>, with its traits and members.</summary>
    public async Task<AccountView> GetAsync(string source, string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(Command(
            $"""
            SELECT source AS Source, account_id AS AccountId, name AS Name, domain AS Domain, industry AS Industry, observed_at AS ObservedAt,
                   traits{JsonText} AS Traits
            FROM accounts WHERE source = @source AND account_id = @accountId
            """, new { source, accountId }, cancellationToken))
            ?? throw new NotFoundException($"No account '{accountId}' of source '{source}'.");
        var members = await connection.QueryAsync<(long ProfileId, object LinkedAt)>(Command(
            $"""
            SELECT {Survivor}, min(m.linked_at) FROM account_members m LEFT JOIN profiles p ON p.id = m.profile_id
            WHERE m.source = @source AND m.account_id = @accountId GROUP BY {Survivor} ORDER BY 1
            """, new { source, accountId }, cancellationToken));
        return new AccountView(row.Source, row.AccountId, row.Name, row.Domain, row.Industry, row.Traits is null ? null : ProfileService.Parse(row.Traits),
            StoredTime.Read(row.ObservedAt), members.Select(m => new AccountMember(m.ProfileId, StoredTime.Read(m.LinkedAt))).ToArray());
    }

    /// <summary>The accounts profile <paramref name="profileId"/> (or a profile merged into it) belongs to.</summary>
    public async Task<IReadOnlyList<AccountSummary>> OfProfileAsync(long profileId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccountRow>(Command(
            $"""
            SELECT a.source AS Source, a.account_id AS AccountId, a.name AS Name, a.domain AS Domain, a.industry AS Industry, a.observed_at AS ObservedAt,
                   (SELECT count(DISTINCT {Survivor}) FROM account_members m LEFT JOIN profiles p ON p.id = m.profile_id
                    WHERE m.source = a.source AND m.account_id = a.account_id) AS Members
            FROM accounts a
            WHERE EXISTS (SELECT 1 FROM account_members m LEFT JOIN profiles p ON p.id = m.profile_id
                          WHERE m.source = a.source AND m.account_id = a.account_id AND {Survivor} = @profileId)
            ORDER BY a.source, a.account_id
            """, new { profileId }, cancellationToken));
        return rows.Select(r => r.Summary()).ToArray();
    }

    private string JsonText => database.Provider == StorageProvider.Postgres ? "::text" : string.Empty;

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) => new(sql, parameters, cancellationToken: cancellationToken);

    private sealed class AccountRow
    {
        public string Source { get; init; } = string.Empty;

        public string AccountId { get; init; } = string.Empty;

        public string? Name { get; init; }

        public string? Domain { get; init; }

        public string? Industry { get; init; }

        public object ObservedAt { get; init; } = 0L;

        public string? Traits { get; init; }

        public long Members { get; init; }

        public AccountSummary Summary() => new(Source, AccountId, Name, Domain, Industry, (int)Members, StoredTime.Read(ObservedAt));
    }
}
