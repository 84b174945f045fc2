using ConnectorHub.Core.Accounts;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary><c>/api/accounts</c>: B2B accounts (such as those group calls create) with their traits and member profiles.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (string? q, int? limit, int? offset, AccountService accounts, CancellationToken ct) => accounts.ListAsync(q, limit ?? 50, offset ?? 0, ct))
            .WithSummary("Accounts whose id, name or domain contains q (ignoring case), by source and id, with how many profiles belong to each; paged by limit and offset.")
            .ProducesValidationProblem();
        // An id may hold '/', sent as is or escaped (%2F, which the server leaves escaped in paths).
        group.MapGet("/{source}/{*accountId}", (string source, string accountId, AccountService accounts, CancellationToken ct) =>
                accounts.GetAsync(source, accountId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), ct))
            .WithSummary("One account of a source (for group calls: the tracking source and the groupId), with its traits and its member profiles.")
            .Produces<AccountView>();
        return routes;
    }
}
