using System.Text.Json;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Dashboard.Schedules;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Syncs;

/// <summary>
/// Creates or edits a sync: the source and destination, the streams (from the source's discovery, each with its
/// read and write modes), a cron schedule explained in words with its next runs, and whether it is enabled.
/// </summary>
public sealed class EditModel(
    SyncService syncs,
    ConnectionService connections,
    PluginCatalog catalog,
    IEnumerable<IHubSinkFactory> hubSinks,
    SchedulePreviewer previewer) : DashboardPage
{
    private SyncView? _existing;

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public SyncInput Input { get; set; } = new();

    public bool IsNew => Id is null;

    public IReadOnlyList<ConnectionView> Sources { get; private set; } = [];

    public IReadOnlyList<ConnectionView> Destinations { get; private set; } = [];

    /// <summary>Whether the hub's own profile store can be a target (a mapping capability is installed).</summary>
    public bool HubStoreAvailable => hubSinks.Any();

    public IReadOnlyList<StreamDescriptor> Discovered { get; private set; } = [];

    public string? DiscoveryError { get; private set; }

    public IReadOnlyList<DestinationSyncMode> DestinationModes { get; private set; } = Enum.GetValues<DestinationSyncMode>();

    public SchedulePreview Schedule => previewer.Preview(Input.ScheduleCron, Input.ScheduleTimeZone);

    public IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToArray();

    public StreamInput StreamInputFor(StreamDescriptor stream) =>
        Input.Streams.FirstOrDefault(s => s.Name == stream.Name) ?? new StreamInput { Name = stream.Name, SyncMode = stream.SupportedSyncModes[0] };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (_existing is { } sync)
        {
            Input = new SyncInput
            {
                Name = sync.Name,
                SourceConnectionId = sync.SourceConnectionId,
                DestinationConnectionId = sync.DestinationConnectionId,
                Streams = sync.Streams.Select(s => new StreamInput { Name = s.Name, Selected = true, SyncMode = s.SyncMode, DestinationMode = s.DestinationMode }).ToList(),
                DestinationSettings = sync.DestinationSettings.Count == 0 ? null : sync.DestinationSettings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
                ScheduleCron = sync.ScheduleCron,
                ScheduleTimeZone = sync.ScheduleTimeZone,
                Enabled = sync.Enabled,
            };
        }
        else
        {
            Input.SourceConnectionId ??= Sources.Count == 1 ? Sources[0].Id : null;
            Input.DestinationConnectionId ??= Destinations.Count == 1 ? Destinations[0].Id : null;
        }

        await DiscoverAsync(cancellationToken);
        return Page();
    }

    /// <summary>The schedule explained, for the form's live preview.</summary>
    public IActionResult OnGetPreview(string? cron, string? zone) => Partial("_SchedulePreview", previewer.Preview(cron, zone));

    /// <summary>Re-shows the form with the chosen source's streams (and the chosen destination's write modes).</summary>
    public async Task<IActionResult> OnPostDiscoverAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        await DiscoverAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        await DiscoverAsync(cancellationToken);
        if (!Input.TryReadDestinationSettings(out var settings, out var settingsError))
        {
            ModelState.AddModelError("Input.DestinationSettings", settingsError);
            return Page();
        }

        var request = Input.ToRequest(settings, _existing);
        try
        {
            var saved = Id is { } id ? await syncs.UpdateAsync(id, request, cancellationToken) : await syncs.CreateAsync(request, cancellationToken);
            Flash(IsNew ? $"Sync '{saved.Name}' created." : "Saved.");
            return Redirect($"/syncs/{saved.Id}");
        }
        catch (HubValidationException ex)
        {
            AddErrors(ex, SyncInput.FormField);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            try
            {
                _existing = await syncs.GetAsync(id, cancellationToken);
            }
            catch (NotFoundException)
            {
                return false;
            }
        }

        var all = await connections.ListAsync(cancellationToken);
        Sources = all.Where(c => c.Kind == PluginKind.Source).ToArray();
        Destinations = all.Where(c => c.Kind == PluginKind.Destination).ToArray();
        return true;
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        if (Input.DestinationConnectionId is { } destinationId && Destinations.FirstOrDefault(d => d.Id == destinationId) is { } destination
            && catalog.Find(destination.PluginId) is { } plugin)
        {
            DestinationModes = plugin.Destination.GetCapabilities().SupportedModes;
        }

        if (Input.SourceConnectionId is not { } sourceId || Sources.All(s => s.Id != sourceId))
        {
            return;
        }

        try
        {
            Discovered = await connections.DiscoverAsync(sourceId, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HubValidationException or InvalidOperationException)
        {
            DiscoveryError = $"The source's streams could not be discovered: {ex.Message}";
        }
    }
}
