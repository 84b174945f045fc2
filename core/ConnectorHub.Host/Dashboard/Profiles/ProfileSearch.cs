using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Host.Dashboard.Profiles;

/// <summary>
/// What the search box means: <c>type:value</c> is an exact identifier; a bare value is tried as the common
/// identifier types (email, phone, user id, anonymous id), then as the start of any identifier; a trait name and
/// value find profiles whose trait equals the value (ignoring case).
/// </summary>
public sealed class ProfileSearch(ProfileService profiles)
{
    /// <summary>The identifier types a bare value is tried as, in order.</summary>
    public static readonly IReadOnlyList<string> CommonTypes = [IdentifierTypes.Email, IdentifierTypes.Phone, IdentifierTypes.UserId, IdentifierTypes.AnonymousId];

    /// <summary>Profiles matching <paramref name="query"/> (an identifier or a bare value), a page at a time.</summary>
    public async Task<IReadOnlyList<ProfileRow>> ByIdentifierAsync(string query, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var typed = colon > 0 && !text[..colon].Contains('@', StringComparison.Ordinal) && !text[..colon].Contains(' ', StringComparison.Ordinal);
        var exact = new List<ProfileRow>();
        foreach (var candidate in typed ? [text] : CommonTypes.Select(t => $"{t}:{text}"))
        {
            if (await FindAsync(candidate, cancellationToken) is { } row && exact.TrueForAll(r => r.Id != row.Id))
            {
                exact.Add(row);
            }
        }

        if (exact.Count > 0 || typed)
        {
            return exact.Skip(offset).Take(limit).ToArray();
        }

        var prefixed = await profiles.SearchByIdentifierPrefixAsync(text, limit, offset, cancellationToken);
        return prefixed.Select(ProfileRow.Of).ToArray();
    }

    /// <summary>Profiles whose trait <paramref name="trait"/> equals <paramref name="value"/>, ignoring case.</summary>
    public async Task<IReadOnlyList<ProfileRow>> ByTraitAsync(string trait, string value, int limit, int offset, CancellationToken cancellationToken) =>
        (await profiles.SearchByTraitAsync(trait.Trim(), value.Trim(), limit, offset, cancellationToken)).Select(ProfileRow.Of).ToArray();

    private async Task<ProfileRow?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        if (IdentifierNormalizer.Parse(identifier) is null)
        {
            return null;
        }

        try
        {
            var id = await profiles.LookupAsync(identifier, cancellationToken);
            return ProfileRow.Of(await profiles.GetAsync(await profiles.SurvivorOfAsync(id, cancellationToken), cancellationToken));
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
