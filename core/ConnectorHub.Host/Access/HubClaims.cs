using System.Security.Claims;
using ConnectorHub.Core.Access;

namespace ConnectorHub.Host.Access;

/// <summary>The claims a signed-in user or an API token carries.</summary>
internal static class HubClaims
{
    /// <summary>The user's security stamp when the cookie was issued.</summary>
    public const string SecurityStamp = "connectorhub:stamp";

    public static ClaimsPrincipal ForUser(UserIdentity user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.UserName),
        new Claim(ClaimTypes.Role, user.Role.ClaimValue()),
        new Claim(SecurityStamp, user.SecurityStamp),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static ClaimsPrincipal ForToken(TokenIdentity token, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, token.Id.ToString()),
        new Claim(ClaimTypes.Name, $"token:{token.Name}"),
        new Claim(ClaimTypes.Role, token.Role.ClaimValue()),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The role of a signed-in principal; viewer when it has none.</summary>
    public static HubRole Role(this ClaimsPrincipal principal) =>
        principal.IsInRole(HubRoles.Admin) ? HubRole.Admin : principal.IsInRole(HubRoles.Marketing) ? HubRole.Marketing : HubRole.Viewer;

    /// <summary>The user id of a cookie principal.</summary>
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
