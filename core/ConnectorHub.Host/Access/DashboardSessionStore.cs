using ConnectorHub.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ConnectorHub.Host.Access;

/// <summary>
/// The sign-in cookie's server side (<see cref="ITicketStore"/>): the cookie names a session in the database, so
/// signing out revokes it for real (an old copy of the cookie no longer works), on every node.
/// </summary>
internal sealed class DashboardSessionStore(DashboardSessions sessions) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) =>
        sessions.CreateAsync(UserOf(ticket), TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        sessions.RenewAsync(key, UserOf(ticket), TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await sessions.FindAsync(key, CancellationToken.None) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => sessions.EndAsync(key, CancellationToken.None);

    private static Guid UserOf(AuthenticationTicket ticket) =>
        ticket.Principal.UserId() ?? throw new InvalidOperationException("A sign-in ticket without a user id.");
}

/// <summary>Gives the cookie handler its session store from the container.</summary>
internal sealed class DashboardSessionStoreSetup(DashboardSessionStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == HubAuthentication.CookieScheme)
        {
            options.SessionStore = store;
        }
    }
}
