using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Acme.Tests.Emulator;

/// <summary>
/// The emulator's contacts, made from their number: contact <c>n</c> has id <c>c_{1000 + n}</c> and was updated
/// <c>n / 3</c> minutes after 2024-01-01, so three contacts share every <c>updated_at</c> (the boundary case of a
/// <c>&gt;=</c> cursor).
/// </summary>
public static class AcmeContacts
{
    public const int PerInstant = 3;

    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Barbara", "Edsger"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Liskov", "Dijkstra"];

    /// <summary>When contact <paramref name="number"/> was last updated.</summary>
    public static DateTimeOffset UpdatedAt(int number) => Start.AddMinutes(number / PerInstant);

    /// <summary>The number of the first contact updated at or after <paramref name="since"/>.</summary>
    public static int FirstUpdatedAtOrAfter(DateTimeOffset since, int count)
    {
        var minutes = Math.Ceiling((since - Start).TotalMinutes);
        return (int)Math.Clamp(minutes * PerInstant, 0, count);
    }

    /// <summary>Contact <paramref name="number"/> as the API returns it.</summary>
    public static JsonObject At(int number)
    {
        var first = FirstNames[number % FirstNames.Length];
        var last = LastNames[number % LastNames.Length];
        return new JsonObject
        {
            ["id"] = $"c_{(1000 + number).ToString(CultureInfo.InvariantCulture)}",
            ["email"] = $"{first}.{last}{number.ToString(CultureInfo.InvariantCulture)}@example.com".ToLowerInvariant(),
            ["first_name"] = first,
            ["last_name"] = last,
            ["phone"] = number % 4 == 3 ? null : $"+1 415 555 {(number % 10_000).ToString("0000", CultureInfo.InvariantCulture)}",
            ["created_at"] = Start.AddDays(-1).AddMinutes(number).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["updated_at"] = UpdatedAt(number).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
    }
}
