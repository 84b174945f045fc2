using System.Text.Encodings.Web;
using ConnectorHub.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Host.Access;

/// <summary>Authenticates <c>Authorization: Bearer chub_...</c> against the stored token hashes.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HubAuthentication.TryReadBearer(Request, out var presented))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.AuthenticateAsync(presented, Context.RequestAborted);
        return token is null
            ? AuthenticateResult.Fail("The API token is unknown, revoked or expired.")
            : AuthenticateResult.Success(new AuthenticationTicket(HubClaims.ForToken(token, Scheme.Name), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The API token was not accepted.",
                Detail = "The token is unknown, revoked or expired. Ask an admin for a new one (dashboard: API tokens).",
            },
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => HubAuthentication.WriteForbiddenAsync(Context, problems);
}
