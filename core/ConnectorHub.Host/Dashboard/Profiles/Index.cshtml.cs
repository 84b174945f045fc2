using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Profiles;

/// <summary>Finds profiles by an identifier (or a bare value) or by a trait, and lists them a page at a time.</summary>
public sealed class IndexModel(ProfileSearch search) : DashboardPage
{
    public const int PageSize = 25;

    /// <summary>An identifier (<c>email:ann@example.com</c>) or a bare value.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>A trait name, searched together with <see cref="Value"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Trait { get; set; }

    /// <summary>The trait value to match (ignoring case).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Value { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    /// <summary>Whether a search was asked for (the page opens with the form only).</summary>
    public bool Searched { get; private set; }

    public IReadOnlyList<ProfileRow> Results { get; private set; } = [];

    /// <summary>The query string of this search without the offset, for paging links.</summary>
    public string QueryWithoutOffset => Searched
        ? (Trait is { Length: > 0 } ? $"trait={Uri.EscapeDataString(Trait)}&value={Uri.EscapeDataString(Value ?? string.Empty)}" : $"q={Uri.EscapeDataString(Q ?? string.Empty)}")
        : string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Offset = Math.Max(0, Offset);
        var byTrait = !string.IsNullOrWhiteSpace(Trait);
        if (!byTrait && string.IsNullOrWhiteSpace(Q))
        {
            if (Value is { Length: > 0 })
            {
                ModelState.AddModelError(nameof(Trait), "Give the trait's name (for example first_name) to search by its value.");
            }

            return;
        }

        if (byTrait && string.IsNullOrWhiteSpace(Value))
        {
            ModelState.AddModelError(nameof(Value), $"Give the value of '{Trait}' to look for (for example Ann).");
            return;
        }

        Searched = true;
        try
        {
            Results = byTrait
                ? await search.ByTraitAsync(Trait!, Value!, PageSize, Offset, cancellationToken)
                : await search.ByIdentifierAsync(Q!, PageSize, Offset, cancellationToken);
        }
        catch (HubValidationException ex)
        {
            AddErrors(ex, field => field == "q" ? nameof(Q) : string.Empty);
        }
    }
}
