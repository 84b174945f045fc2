using System.Text.Json;
using ConnectorHub.Core.Accounts;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Profiles;

/// <summary>
/// One profile: traits with their source and time, the identity graph with provenance and dropped identifiers,
/// merge history, the accounts it belongs to, its predictive scores with their explanations, and the timeline of events and orders. A merged-away id redirects to the surviving profile.
/// </summary>
public sealed class DetailsModel(ProfileService profiles, ProfileTimeline timeline, AccountService accounts, PredictiveModelService models) : DashboardPage
{
    public const int TimelineSize = 20;

    /// <summary>The events cursor of the timeline page (see <see cref="TimelinePage"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Events { get; set; }

    /// <summary>The orders cursor of the timeline page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Orders { get; set; }

    public ProfileView Profile { get; private set; } = null!;

    public TimelinePage Timeline { get; private set; } = new([], null, null);

    /// <summary>The B2B accounts the profile belongs to (from group calls or account sources).</summary>
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    /// <summary>Each model's score of the profile, with the features that moved it most.</summary>
    public IReadOnlyList<ProfileScoreView> Scores { get; private set; } = [];

    /// <summary>A name to show for the profile.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Every source that contributed an identifier or a trait, alphabetically.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    /// <summary>Whether this page continues the timeline (so it offers a way back to the newest).</summary>
    public bool Paged => Events is not null || Orders is not null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            var survivor = await profiles.SurvivorOfAsync(id, cancellationToken);
            if (survivor != id)
            {
                Flash($"Profile {id} was merged into this one.");
                return Redirect($"/profiles/{survivor}");
            }

            Profile = await profiles.GetAsync(id, cancellationToken);
            Timeline = await TimelinePage.ReadAsync(timeline, id, TimelineSize, Events, Orders, cancellationToken);
            Accounts = await accounts.OfProfileAsync(id, cancellationToken);
            Scores = await models.ScoresOfProfileAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (HubValidationException)
        {
            // A damaged "older" link: start the timeline again from the newest.
            return Redirect($"/profiles/{id}");
        }

        var identifiers = Profile.Identifiers.Select(i => $"{i.Type}:{i.Value}").ToArray();
        Name = ProfileRow.NameOf(id, Profile.Traits.ToDictionary(t => t.Key, t => t.Value.Value), identifiers);
        Sources = Profile.Identifiers.Select(i => i.Source).Concat(Profile.Traits.Values.Select(t => t.Source))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return Page();
    }

    /// <summary>The link to the next older timeline page.</summary>
    public string OlderLink =>
        $"/profiles/{Profile.Id}?events={Uri.EscapeDataString(Timeline.OlderEvents ?? TimelinePage.Done)}&orders={Uri.EscapeDataString(Timeline.OlderOrders ?? TimelinePage.Done)}#timeline";

    /// <summary>A trait value as text: strings as they are, anything else as JSON.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        _ => value.GetRawText(),
    };
}
