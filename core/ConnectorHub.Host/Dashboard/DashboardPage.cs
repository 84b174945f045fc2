using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectorHub.Host.Dashboard;

/// <summary>
/// What every dashboard page shares: what the signed-in role may do (pages hide controls it may not use, and
/// handlers refuse them), a one-time message for the next page, and service validation errors shown by field.
/// </summary>
public abstract class DashboardPage : PageModel
{
    /// <summary>Marketing and admin: run syncs now, cancel runs.</summary>
    public bool CanOperate => User.IsInRole(Core.Access.HubRoles.Admin) || User.IsInRole(Core.Access.HubRoles.Marketing);

    /// <summary>Admin: change configuration.</summary>
    public bool CanAdminister => User.IsInRole(Core.Access.HubRoles.Admin);

    /// <summary>Shows <paramref name="message"/> at the top of the next page.</summary>
    protected void Flash(string message, bool error = false)
    {
        TempData["Flash"] = message;
        TempData["FlashKind"] = error ? "alert-error" : "alert-ok";
    }

    /// <summary>403 for a handler the role may not use (the page never offers it, but a crafted request could).</summary>
    protected IActionResult? Refuse(bool allowed) => allowed ? null : Forbid(HubAuthentication.CookieScheme);

    /// <summary>Adds a service's validation errors to the model state; <paramref name="fieldFor"/> maps its field names to form names.</summary>
    protected void AddErrors(HubValidationException error, Func<string, string>? fieldFor = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var (field, messages) in error.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(fieldFor?.Invoke(field) ?? string.Empty, message);
            }
        }
    }

    /// <summary>A service's validation messages as one sentence list, for a one-line notice.</summary>
    protected static string Messages(HubValidationException error) =>
        string.Join(" ", (error ?? throw new ArgumentNullException(nameof(error))).Errors.SelectMany(e => e.Value));

    /// <summary>The errors recorded for <paramref name="key"/>.</summary>
    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// <summary>Errors not tied to a field shown on the form.</summary>
    public IEnumerable<string> GeneralErrors(IEnumerable<string> shownKeys)
    {
        var shown = shownKeys.ToHashSet(StringComparer.Ordinal);
        return ModelState.Where(e => !shown.Contains(e.Key)).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage));
    }
}
