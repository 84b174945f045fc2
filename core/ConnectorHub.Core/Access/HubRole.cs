namespace ConnectorHub.Core.Access;

/// <summary>What a signed-in user or an API token may do. Each role includes everything the roles below it may do.</summary>
public enum HubRole
{
    /// <summary>Reads everything (plugins, connections with secrets masked, syncs, runs, rejected records); changes nothing.</summary>
    Viewer,

    /// <summary>A viewer who also runs syncs now and cancels runs (and, later, builds segments and activates audiences).</summary>
    Marketing,

    /// <summary>Everything: connections, syncs, schedules, users and API tokens.</summary>
    Admin,
}

/// <summary>The role names used in claims and role checks: <c>admin</c>, <c>marketing</c>, <c>viewer</c>.</summary>
public static class HubRoles
{
    /// <summary>The admin role's claim value.</summary>
    public const string Admin = "admin";

    /// <summary>The marketing role's claim value.</summary>
    public const string Marketing = "marketing";

    /// <summary>The viewer role's claim value.</summary>
    public const string Viewer = "viewer";

    /// <summary>The claim value of <paramref name="role"/>.</summary>
    public static string ClaimValue(this HubRole role) => role switch
    {
        HubRole.Admin => Admin,
        HubRole.Marketing => Marketing,
        _ => Viewer,
    };

    /// <summary>Reads a role name (any case); false when it names no role.</summary>
    public static bool TryParse(string? value, out HubRole role)
    {
        role = HubRole.Viewer;
        return value is not null && Enum.TryParse(value.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }
}
