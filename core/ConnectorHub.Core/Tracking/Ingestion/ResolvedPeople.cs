namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// The profiles of people the writer resolved recently, by their exact identifiers, for calls that carry no traits and
/// link nothing (track, page, screen): the same visitor's next event skips identity resolution. Safe because an identifier never
/// leaves its profile except by a merge, and the stores point every event at its profile's survivor. The price: a
/// known identifier's <c>last_seen</c> is not moved by events answered from here. Bounded; cleared when full.
/// </summary>
internal sealed class ResolvedPeople
{
    private const int Capacity = 200_000;
    private readonly Dictionary<string, long> _profiles = new(StringComparer.Ordinal);

    public bool TryGet(CanonicalMessage message, out long? profileId)
    {
        profileId = null;
        if (Key(message) is { } key && _profiles.TryGetValue(key, out var found))
        {
            profileId = found;
            return true;
        }

        return false;
    }

    public void Remember(CanonicalMessage message, long? profileId)
    {
        if (profileId is not { } id || Key(message) is not { } key)
        {
            return;
        }

        if (_profiles.Count >= Capacity)
        {
            _profiles.Clear();
        }

        _profiles[key] = id;
    }

    private static string? Key(CanonicalMessage message) =>
        message.Person.Traits is not null || message.Account is not null || message.PreviousId is not null || message.Person.Identifiers.Count == 0
            ? null
            : string.Join('\u001f', message.Person.Identifiers.Select(i => i.Type + '\u001e' + i.Value));
}
