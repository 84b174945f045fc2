using ConnectorHub.Core.Access;
using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Admin;

/// <summary>The admin's API tokens: create (the value shown once), list (never values), revoke.</summary>
public sealed class TokensModel(ApiTokenService tokens, TimeProvider time) : DashboardPage
{
    public static readonly IReadOnlyList<(int Days, string Label)> Expiries =
        [(0, "never"), (7, "in 7 days"), (30, "in 30 days"), (90, "in 90 days"), (365, "in a year")];

    public IReadOnlyList<ApiTokenView> Tokens { get; private set; } = [];

    public CreatedApiToken? Created { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public HubRole Role { get; set; } = HubRole.Viewer;

    [BindProperty]
    public int ExpiresInDays { get; set; } = 90;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tokens = await tokens.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var expires = ExpiresInDays > 0 ? time.GetUtcNow().AddDays(ExpiresInDays) : (DateTimeOffset?)null;
            Created = await tokens.CreateAsync(new ApiTokenRequest(Name, Role, expires), User.Identity?.Name ?? "admin", cancellationToken);
            Name = string.Empty;
        }
        catch (HubValidationException ex)
        {
            AddErrors(ex, f => f == "name" ? nameof(Name) : f == "expiresAt" ? nameof(ExpiresInDays) : string.Empty);
        }

        // The value is shown in this answer only: no redirect, so it never lands in TempData or history.
        Response.Headers.CacheControl = "no-store";
        Tokens = await tokens.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RevokeAsync(id, cancellationToken);
            Flash("The token was revoked: it stops working at once.");
        }
        catch (NotFoundException ex)
        {
            Flash(ex.Message, error: true);
        }

        return RedirectToPage();
    }
}
