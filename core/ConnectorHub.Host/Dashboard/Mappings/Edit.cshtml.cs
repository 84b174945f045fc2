using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Mapping.Preview;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Mappings;

/// <summary>
/// The mapping editor of one synced stream: the mapping (YAML or JSON), sample records (typed, or read from the source),
/// and a live preview of what the mapping makes of them. Saving stores the mapping on the sync's stream; an empty
/// mapping goes back to the connector's default.
/// </summary>
public sealed class EditModel(SyncService syncs, ConnectionService connections, SourceSampler sampler, PluginCatalog catalog) : DashboardPage
{
    [BindProperty]
    public string? Mapping { get; set; }

    [BindProperty]
    public string? Samples { get; set; }

    public SyncView Sync { get; private set; } = null!;

    public string Stream { get; private set; } = string.Empty;

    /// <summary>Whether the text shown is the connector's default (the stream has no mapping of its own).</summary>
    public bool ShowsDefault { get; private set; }

    public PreviewModel Preview { get; private set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync(Guid id, string stream, CancellationToken cancellationToken)
    {
        if ((Refuse(CanAdminister) ?? await LoadAsync(id, stream, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var own = Sync.Streams.First(s => s.Name == stream).Mapping;
        ShowsDefault = own is null;
        Mapping = own ?? await DefaultAsync(cancellationToken);
        Samples = "[]";
        Preview = PreviewModel.For(Mapping, Samples);
        return Page();
    }

    /// <summary>The live preview: the editor posts the mapping and samples here as they change.</summary>
    public IActionResult OnPostPreview() => Refuse(CanAdminister) ?? Partial("_MappingPreview", PreviewModel.For(Mapping, Samples));

    /// <summary>Reads a few records from the source into the samples box.</summary>
    public async Task<IActionResult> OnPostSamplesAsync(Guid id, string stream, CancellationToken cancellationToken)
    {
        if ((Refuse(CanAdminister) ?? await LoadAsync(id, stream, cancellationToken)) is { } refused)
        {
            return refused;
        }

        try
        {
            Samples = SampleText.Write(await sampler.SampleAsync(Sync.SourceConnectionId, stream, 5, cancellationToken));
        }
        catch (ConnectorException ex)
        {
            ModelState.AddModelError(nameof(Samples), $"Reading samples from the source failed: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ModelState.AddModelError(nameof(Samples), "The source sent no records within 30 seconds; type samples instead.");
        }

        Preview = PreviewModel.For(Mapping, Samples);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string stream, CancellationToken cancellationToken)
    {
        if ((Refuse(CanAdminister) ?? await LoadAsync(id, stream, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var text = string.IsNullOrWhiteSpace(Mapping) ? null : Mapping;
        if (text is not null && MappingPreview.Run(text, "mapping", []) is { IsValid: false } invalid)
        {
            ModelState.AddModelError(nameof(Mapping), "Not saved: " + string.Join(" ", invalid.DefinitionErrors));
            Preview = PreviewModel.For(Mapping, Samples);
            return Page();
        }

        await syncs.UpdateAsync(id, new SyncRequest
        {
            Name = Sync.Name,
            SourceConnectionId = Sync.SourceConnectionId,
            DestinationConnectionId = Sync.DestinationConnectionId,
            Streams = Sync.Streams.Select(s => s.Name == stream ? s with { Mapping = text } : s).ToArray(),
            DestinationSettings = Sync.DestinationSettings,
            ScheduleCron = Sync.ScheduleCron,
            ScheduleTimeZone = Sync.ScheduleTimeZone,
            Enabled = Sync.Enabled,
        }, cancellationToken);
        Flash(text is null ? $"The stream '{stream}' uses the connector's default mapping again." : $"The mapping of '{stream}' was saved; the next run uses it.");
        return Redirect($"/syncs/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string stream, CancellationToken cancellationToken)
    {
        try
        {
            Sync = await syncs.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Stream = stream;
        return Sync.Streams.Any(s => s.Name == stream) ? null : NotFound();
    }

    private async Task<string?> DefaultAsync(CancellationToken cancellationToken)
    {
        var source = await connections.GetAsync(Sync.SourceConnectionId, cancellationToken);
        return catalog.Find(source.PluginId) is { } plugin ? MappingFolder.ReadDefault(plugin.Directory, Stream) : null;
    }
}
