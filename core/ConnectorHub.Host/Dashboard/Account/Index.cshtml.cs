using ConnectorHub.Core.Access;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Account;

/// <summary>The signed-in user's own page: change their password (their other sign-ins end; this one is renewed). Throttled like sign-in.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInThrottle.Policy)]
public sealed class IndexModel(UserService users) : DashboardPage
{
    [BindProperty]
    public string Current { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public string Again { get; set; } = string.Empty;

    public IActionResult OnGet() => User.UserId() is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } id || await users.FindIdentityAsync(id, cancellationToken) is not { } me)
        {
            return Forbid();
        }

        if (await users.VerifyAsync(me.UserName, Current, cancellationToken) is null)
        {
            ModelState.AddModelError(nameof(Current), "This is not your current password.");
            return Page();
        }

        if (Password != Again)
        {
            ModelState.AddModelError(nameof(Again), "The two new passwords differ. Type the same password twice.");
            return Page();
        }

        try
        {
            await users.SetPasswordAsync(id, Password, cancellationToken);
        }
        catch (HubValidationException ex)
        {
            AddErrors(ex, field => field == "password" ? nameof(Password) : string.Empty);
            return Page();
        }

        var renewed = await users.FindIdentityAsync(id, cancellationToken);
        await HttpContext.SignInAsync(HubAuthentication.CookieScheme, HubClaims.ForUser(renewed!, HubAuthentication.CookieScheme));
        Flash("Your password was changed. Other browsers signed in as you must sign in again.");
        return RedirectToPage();
    }
}
