using ConnectorHub.Core.Access;
using ConnectorHub.Host.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Account;

/// <summary>Sign-in with user name and password; sends to first-run setup while no user exists. Attempts are throttled.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInModel(UserService users) : DashboardPage
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await users.AnyAsync(cancellationToken) ? Page() : RedirectToPage("/Account/Setup");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.VerifyAsync(UserName, Password, cancellationToken);
        if (user is null)
        {
            Failed = true;
            Password = string.Empty;
            return Page();
        }

        await HttpContext.SignInAsync(HubAuthentication.CookieScheme, HubClaims.ForUser(user, HubAuthentication.CookieScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
