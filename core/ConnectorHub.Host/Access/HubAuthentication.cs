using ConnectorHub.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Access;

/// <summary>
/// Sign-in for people (a cookie naming a server-side session, from the dashboard) and for scripts (an API token in the Authorization header).
/// A request with <c>Authorization: Bearer</c> is judged by its token alone; any other by its cookie. API requests
/// without credentials get 401/403 problem details; dashboard pages redirect to sign-in (or to first-run setup).
/// </summary>
internal static class HubAuthentication
{
    public const string Scheme = "ConnectorHub";
    public const string CookieScheme = "ConnectorHub.Cookie";
    public const string TokenScheme = "ConnectorHub.ApiToken";

    public const string SignInPath = "/signin";
    public const string SetupPath = "/setup";

    public static IServiceCollection AddHubAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                HasBearerHeader(context.Request) ? TokenScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "connectorhub.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/denied";
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateCookieAsync,
                    OnRedirectToLogin = RedirectToSignInAsync,
                    OnRedirectToAccessDenied = RedirectToDeniedAsync,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(TokenScheme, "API token", null);
        services.AddSingleton<DashboardSessionStore>();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>, DashboardSessionStoreSetup>();
        return services;
    }

    public static bool TryReadBearer(HttpRequest request, out string token)
    {
        var header = request.Headers.Authorization.ToString();
        token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
        return token.Length > 0;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static Task WriteForbiddenAsync(HttpContext context, IProblemDetailsService problems)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = context.User.Role().ClaimValue();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Your role may not do this.",
                Detail = $"You are signed in as '{context.User.Identity?.Name}' with the role '{role}', which cannot {context.Request.Method} {context.Request.Path}. Viewers only read; marketing also runs syncs and cancels runs; admins change configuration.",
            },
        }).AsTask();
    }

    private static bool HasBearerHeader(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>Ends a cookie whose user was deleted or whose password or role changed since it was issued.</summary>
    private static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserService>();
        var id = context.Principal?.UserId();
        var user = id is null ? null : await users.FindIdentityAsync(id.Value, context.HttpContext.RequestAborted);
        if (user is null || user.SecurityStamp != context.Principal!.FindFirst(HubClaims.SecurityStamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    private static async Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var setUp = await http.RequestServices.GetRequiredService<UserService>().AnyAsync(http.RequestAborted);
        if (IsApi(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Sign-in required.",
                    Detail = setUp
                        ? "Send an API token as 'Authorization: Bearer chub_...'. An admin creates tokens in the dashboard (API tokens) or with POST /api/tokens."
                        : "The hub has no admin account yet. Create it in the dashboard (/setup) or with POST /api/setup, then use an API token.",
                },
            });
            return;
        }

        http.Response.Redirect(setUp ? context.RedirectUri : SetupPath);
    }

    private static Task RedirectToDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.HttpContext.Request))
        {
            return WriteForbiddenAsync(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>());
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
