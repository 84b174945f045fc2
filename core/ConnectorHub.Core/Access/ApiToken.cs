namespace ConnectorHub.Core.Access;

/// <summary>A credential for scripts: sent as <c>Authorization: Bearer chub_...</c>; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    /// <summary>Identity.</summary>
    public Guid Id { get; set; }

    /// <summary>What it is for (<c>nightly export</c>), unique.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token, lower-case hex: what a presented token is looked up by.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token's first characters, to recognise it in lists; not enough to use it.</summary>
    public required string Prefix { get; set; }

    /// <summary>What it may do.</summary>
    public HubRole Role { get; set; }

    /// <summary>The admin who created it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working; null never.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Last time it was used (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
