namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>An emulated customer-file custom audience: who is in it, and the upload sessions it has seen.</summary>
public sealed class CustomAudience
{
    private readonly AudienceMembership _membership = new();
    private readonly Dictionary<long, UploadSession> _sessions = [];

    internal CustomAudience(string id, string accountId, string name, DateTimeOffset createdAt)
    {
        Id = id;
        AccountId = accountId;
        Name = name;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    /// <summary>The audience id (a Graph node id).</summary>
    public string Id { get; }

    /// <summary>The ad account that owns it, without the <c>act_</c> prefix.</summary>
    public string AccountId { get; }

    /// <summary>The audience name.</summary>
    public string Name { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When its membership last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>How many people are in it.</summary>
    public int Count
    {
        get
        {
            lock (Gate)
            {
                return _membership.Count;
            }
        }
    }

    /// <summary>A snapshot of the people in it.</summary>
    public IReadOnlyList<AudienceUser> Members
    {
        get
        {
            lock (Gate)
            {
                return _membership.Snapshot();
            }
        }
    }

    /// <summary>A snapshot of its upload sessions, by session id.</summary>
    public IReadOnlyDictionary<long, UploadSession> Sessions
    {
        get
        {
            lock (Gate)
            {
                return new Dictionary<long, UploadSession>(_sessions);
            }
        }
    }

    /// <summary>Whether someone in it has <paramref name="value"/> for <paramref name="key"/> (hashed keys: SHA-256 hex).</summary>
    public bool Contains(string key, string value) => Members.Any(m => m.Has(key, value));

    internal object Gate { get; } = new();

    /// <summary>The session for <paramref name="sessionId"/>, started now when new. Call under <see cref="Gate"/>.</summary>
    internal UploadSession Session(long sessionId, string operation, DateTimeOffset now)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            session = new UploadSession(sessionId, operation, now);
            _sessions[sessionId] = session;
        }

        return session;
    }

    /// <summary>Adds or removes rows. Call under <see cref="Gate"/>.</summary>
    internal void Apply(IEnumerable<IReadOnlyDictionary<string, string>> rows, bool remove, DateTimeOffset now)
    {
        foreach (var row in rows)
        {
            if (remove)
            {
                _membership.Remove(row);
            }
            else
            {
                _membership.Add(row);
            }
        }

        UpdatedAt = now;
    }
}
