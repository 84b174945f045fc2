namespace ConnectorHub.Core.Access;

/// <summary>A user as the API and the dashboard show them (no password hash, no security stamp).</summary>
public sealed record UserView(Guid Id, string UserName, HubRole Role, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt)
{
    internal static UserView From(HubUser user) => new(user.Id, user.UserName, user.Role, user.CreatedAt, user.LastSignInAt);
}

/// <summary>Who a sign-in cookie stands for; the stamp lets the host drop cookies issued before a password or role change.</summary>
public sealed record UserIdentity(Guid Id, string UserName, HubRole Role, string SecurityStamp)
{
    internal static UserIdentity From(HubUser user) => new(user.Id, user.UserName, user.Role, user.SecurityStamp);
}

/// <summary>An API token as lists show it: never its value.</summary>
public sealed record ApiTokenView(
    Guid Id,
    string Name,
    string Prefix,
    HubRole Role,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt)
{
    internal static ApiTokenView From(ApiToken token) =>
        new(token.Id, token.Name, token.Prefix, token.Role, token.CreatedBy, token.CreatedAt, token.ExpiresAt, token.LastUsedAt);
}

/// <summary>A token just created: <see cref="Token"/> is its value, shown this once and never again.</summary>
public sealed record CreatedApiToken(ApiTokenView Details, string Token);

/// <summary>Who a presented API token stands for.</summary>
public sealed record TokenIdentity(Guid Id, string Name, HubRole Role);

/// <summary>What an admin sends to add a user.</summary>
/// <param name="UserName">The sign-in name: letters, digits and <c>. _ - @</c>, up to 64 characters.</param>
/// <param name="Password">At least <see cref="UserService.MinimumPasswordLength"/> characters.</param>
/// <param name="Role">What the user may do.</param>
public sealed record UserRequest(string UserName, string Password, HubRole Role);

/// <summary>What an admin sends to create an API token.</summary>
/// <param name="Name">What it is for; unique.</param>
/// <param name="Role">What it may do.</param>
/// <param name="ExpiresAt">When it stops working; null never.</param>
public sealed record ApiTokenRequest(string Name, HubRole Role, DateTimeOffset? ExpiresAt = null);
