using ConnectorHub.Core.Tracking;
using ConnectorHub.Core.Tracking.Keys;
using ConnectorHub.Core.Tracking.Origins;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Api.Tracking.Browser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Host.Dashboard.Tracking;

/// <summary>
/// Tracking sources and their write keys (admins create sources and keys, a key's value shown once, and revoke keys),
/// the web origins each source accepts events from, the snippet that puts Segment's browser library on a web page, and
/// a live view of the events this node commits.
/// </summary>
public sealed class IndexModel(TrackingSourceService sources, BrowserOrigins origins, IOptions<TrackingOptions> options) : DashboardPage
{
    public IReadOnlyList<SourceSection> Sources { get; private set; } = [];

    public CreatedWriteKey? Created { get; private set; }

    // Nullable, so that the handlers not about a field (a new key, a revocation) find no "field is required" error.
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The allowed origins typed for a source, one per line.</summary>
    [BindProperty]
    public string? Origins { get; set; }

    /// <summary>The source whose origins failed validation (its form shows the errors and what was typed).</summary>
    public Guid? OriginsFailedFor { get; private set; }

    /// <summary>The snippet of <paramref name="writeKey"/> for a page's head: the library and its settings come from this hub.</summary>
    public string Snippet(string writeKey) => TrackingSnippet.Html(HubAddress.Of(Request, options.Value), writeKey);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateSourceAsync(CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        try
        {
            var created = await sources.CreateSourceAsync(new TrackingSourceRequest(Name ?? string.Empty), User.Identity?.Name ?? "admin", cancellationToken);
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

    public async Task<IActionResult> OnPostOriginsAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        try
        {
            var saved = await origins.SetAsync(sourceId, (Origins ?? string.Empty).Split(['\n', ',', ' '], StringSplitOptions.RemoveEmptyEntries), User.Identity?.Name ?? "admin", cancellationToken);
            Flash(saved.Count == 0
                ? "No web origin is allowed: browsers are refused, server-side clients go on."
                : $"Pages of {string.Join(", ", saved)} may now send events from a browser.");
            return RedirectToPage();
        }
        catch (HubValidationException ex)
        {
            AddErrors(ex, f => f == "origins" ? nameof(Origins) : string.Empty);
            OriginsFailedFor = sourceId;
            await LoadAsync(cancellationToken);
            return Page();
        }
        catch (NotFoundException ex)
        {
            Flash(ex.Message, error: true);
            return RedirectToPage();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var list = new List<SourceSection>();
        foreach (var source in await sources.ListSourcesAsync(cancellationToken))
        {
            list.Add(new SourceSection(source, await sources.ListKeysAsync(source.Id, cancellationToken), await origins.ListAsync(source.Id, cancellationToken)));
        }

        Sources = list;
    }

    /// <summary>One tracking source as the page shows it.</summary>
    /// <param name="Source">The source.</param>
    /// <param name="Keys">Its write keys, masked.</param>
    /// <param name="Origins">The web origins it accepts events from.</param>
    public sealed record SourceSection(TrackingSourceView Source, IReadOnlyList<WriteKeyView> Keys, IReadOnlyList<string> Origins);
}
