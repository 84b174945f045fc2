using System.Text.Json;
using ConnectorHub.Core.Profiles;

namespace ConnectorHub.Host.Dashboard.Profiles;

/// <summary>A profile in the search results: who it is at a glance, and its identifiers.</summary>
/// <param name="Id">The profile id.</param>
/// <param name="Name">A name to show: the name traits, else the first email, else the id.</param>
/// <param name="Identifiers">type:value of each identifier.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ProfileRow(long Id, string Name, IReadOnlyList<string> Identifiers, DateTimeOffset UpdatedAt)
{
    private static readonly string[] NameTraits = ["first_name", "last_name"];

    /// <summary>The row of a listed profile.</summary>
    public static ProfileRow Of(ProfileSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Id, NameOf(summary.Id, summary.Traits, summary.Identifiers), summary.Identifiers, summary.UpdatedAt);
    }

    /// <summary>The row of a profile found by an exact identifier.</summary>
    public static ProfileRow Of(ProfileView profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var identifiers = profile.Identifiers.Select(i => $"{i.Type}:{i.Value}").ToArray();
        return new(profile.Id, NameOf(profile.Id, profile.Traits.ToDictionary(t => t.Key, t => t.Value.Value), identifiers), identifiers, profile.UpdatedAt);
    }

    /// <summary>"First Last", else the first email, else "Profile 42".</summary>
    public static string NameOf(long id, IReadOnlyDictionary<string, JsonElement> traits, IReadOnlyList<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(traits);
        ArgumentNullException.ThrowIfNull(identifiers);
        var name = string.Join(' ', NameTraits
            .Select(t => traits.TryGetValue(t, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()?.Trim() : null)
            .Where(part => !string.IsNullOrEmpty(part)));
        if (name.Length > 0)
        {
            return name;
        }

        var email = identifiers.FirstOrDefault(i => i.StartsWith("email:", StringComparison.Ordinal));
        return email is null ? $"Profile {id}" : email["email:".Length..];
    }
}
