using ConnectorHub.Core.Tracking.Keys;
using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Tracking;

/// <summary>
/// Tracking sources and their write keys (admins create sources and keys, a key's value shown once, and revoke keys),
/// and a live view of the events this node commits.
/// </summary>
public sealed class IndexModel(TrackingSourceService sources) : DashboardPage
{
    public IReadOnlyList<(TrackingSourceView Source, IReadOnlyList<WriteKeyView> Keys)> Sources { get; private set; } = [];

    public CreatedWriteKey? Created { get; private set; }

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateSourceAsync(CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        try
        {
            var created = await sources.CreateSourceAsync(new TrackingSourceRequest(Name), User.Identity?.Name ?? "admin", cancellationToken);
            Flash($"Tracking source '{created.Name}' created. Create a write key for it to send events.");
            return RedirectToPage();
        }
        catch (HubValidationException ex)
        {
            AddErrors(ex, f => f == "name" ? nameof(Name) : string.Empty);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        Created = await sources.CreateKeyAsync(sourceId, User.Identity?.Name ?? "admin", cancellationToken);

        // The value is shown in this answer only: no redirect, so it never lands in TempData or history.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid sourceId, Guid keyId, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        try
        {
            await sources.RevokeKeyAsync(sourceId, keyId, cancellationToken);
            Flash("The write key was revoked: calls carrying it are refused from now on.");
        }
        catch (NotFoundException ex)
        {
            Flash(ex.Message, error: true);
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var list = new List<(TrackingSourceView, IReadOnlyList<WriteKeyView>)>();
        foreach (var source in await sources.ListSourcesAsync(cancellationToken))
        {
            list.Add((source, await sources.ListKeysAsync(source.Id, cancellationToken)));
        }

        Sources = list;
    }
}
