using ConnectorHub.Core.Access;

namespace ConnectorHub.Host.Access;

/// <summary>
/// The authorization policies, one per level of access. Roles nest: an admin passes every policy, marketing passes
/// <see cref="Read"/> and <see cref="Operate"/>, a viewer only <see cref="Read"/>.
/// </summary>
internal static class HubPolicies
{
    /// <summary>See everything (any role). Also the fallback: an endpoint that says nothing requires this.</summary>
    public const string Read = "hub.read";

    /// <summary>Operate what exists: run a sync now, cancel a run (marketing and admin).</summary>
    public const string Operate = "hub.operate";

    /// <summary>Change configuration: connections, syncs, schedules, users, API tokens (admin).</summary>
    public const string Admin = "hub.admin";

    public static IServiceCollection AddHubPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(HubRoles.Viewer, HubRoles.Marketing, HubRoles.Admin))
            .AddPolicy(Operate, p => p.RequireAuthenticatedUser().RequireRole(HubRoles.Marketing, HubRoles.Admin))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(HubRoles.Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireRole(HubRoles.Viewer, HubRoles.Marketing, HubRoles.Admin).Build());
        return services;
    }
}
