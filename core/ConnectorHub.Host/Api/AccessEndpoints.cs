using System.Security.Claims;
using ConnectorHub.Core.Access;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary>
/// <c>/api/setup</c> (first run, anonymous), <c>/api/me</c>, and the admin's <c>/api/users</c> and <c>/api/tokens</c>.
/// </summary>
internal static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder routes)
    {
        var setup = routes.MapGroup("/api/setup").WithTags("Access").AllowAnonymous();
        setup.MapGet("/", async (UserService users, CancellationToken ct) => new SetupState(!await users.AnyAsync(ct)))
            .WithSummary("Whether the hub still needs its first admin account.");
        setup.MapPost("/", async (SetupRequest request, UserService users, ApiTokenService tokens, CancellationToken ct) =>
            {
                var admin = await users.SetUpAsync(request.UserName, request.Password, ct);
                if (admin is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The hub is already set up.",
                        detail: "An admin account exists. Sign in, or ask an admin for an account or an API token.");
                }

                var token = string.IsNullOrWhiteSpace(request.ApiTokenName)
                    ? null
                    : (await tokens.CreateAsync(new ApiTokenRequest(request.ApiTokenName, HubRole.Admin), admin.UserName, ct)).Token;
                return Results.Created("/api/users/" + admin.Id, new SetupResult(admin, token));
            })
            .WithSummary("Creates the first admin account, once; optionally also an admin API token (shown once) for automation.")
            .ProducesValidationProblem()
            .RequireRateLimiting(SignInThrottle.Policy);

        routes.MapGet("/api/me", (ClaimsPrincipal user) => new Me(user.Identity?.Name ?? string.Empty, user.Role(),
                user.Identity?.AuthenticationType == HubAuthentication.TokenScheme ? "token" : "cookie"))
            .WithTags("Access").WithSummary("Who the request is authenticated as, and with which role.")
            .RequireAuthorization(HubPolicies.Read);

        var users = routes.MapGroup("/api/users").WithTags("Access").RequireAuthorization(HubPolicies.Admin);
        users.MapGet("/", (UserService service, CancellationToken ct) => service.ListAsync(ct)).WithSummary("All users.");
        users.MapPost("/", async (UserRequest request, UserService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(request, ct);
                return Results.Created($"/api/users/{created.Id}", created);
            })
            .WithSummary("Adds a user with a role (admin, marketing, viewer).").ProducesValidationProblem();
        users.MapPut("/{id:guid}/role", (Guid id, RoleChange change, UserService service, CancellationToken ct) => service.SetRoleAsync(id, change.Role, ct))
            .WithSummary("Changes a user's role; their current sign-ins end. The last admin stays an admin.").ProducesValidationProblem();
        users.MapDelete("/{id:guid}", async (Guid id, UserService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Deletes a user (never the last admin).");

        var tokens = routes.MapGroup("/api/tokens").WithTags("Access").RequireAuthorization(HubPolicies.Admin);
        tokens.MapGet("/", (ApiTokenService service, CancellationToken ct) => service.ListAsync(ct)).WithSummary("All API tokens (never their values).");
        tokens.MapPost("/", async (ApiTokenRequest request, ApiTokenService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(request, user.Identity?.Name ?? "admin", ct);
                return Results.Created($"/api/tokens/{created.Details.Id}", created);
            })
            .WithSummary("Creates an API token with a role and optional expiry; the answer holds its value, shown this once.").ProducesValidationProblem();
        tokens.MapDelete("/{id:guid}", async (Guid id, ApiTokenService service, CancellationToken ct) =>
            {
                await service.RevokeAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Revokes an API token at once.");
        return routes;
    }
}

/// <summary>Whether first-run setup is still open.</summary>
internal sealed record SetupState(bool SetupRequired);

/// <summary>The first admin account, and optionally the name of an admin API token to create with it.</summary>
internal sealed record SetupRequest(string UserName, string Password, string? ApiTokenName = null);

/// <summary>The admin created by setup, and the API token's value when one was asked for.</summary>
internal sealed record SetupResult(UserView User, string? ApiToken);

/// <summary>Who the caller is.</summary>
internal sealed record Me(string Name, HubRole Role, string Via);

/// <summary>A new role for a user.</summary>
internal sealed record RoleChange(HubRole Role);
