using ConnectorHub.Core.Access;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Account;

/// <summary>First run: creates the admin account once, then signs them in. Afterwards it sends everyone to sign-in.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SetupModel(UserService users) : DashboardPage
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public string ConfirmPassword { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await users.AnyAsync(cancellationToken) ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords differ. Type the same password twice.");
            return Page();
        }

        UserView? admin;
        try
        {
            admin = await users.SetUpAsync(UserName, Password, cancellationToken);
        }
        catch (HubValidationException ex)
        {
            AddErrors(ex, field => field == "userName" ? nameof(UserName) : field == "password" ? nameof(Password) : string.Empty);
            return Page();
        }

        if (admin is null)
        {
            Flash("The admin account already exists. Sign in.", error: true);
            return RedirectToPage("/Account/SignIn");
        }

        var identity = await users.FindIdentityAsync(admin.Id, cancellationToken);
        await HttpContext.SignInAsync(HubAuthentication.CookieScheme, HubClaims.ForUser(identity!, HubAuthentication.CookieScheme));
        Flash($"Welcome, {admin.UserName}. You are the admin: start by creating a connection.");
        return Redirect("/");
    }
}
