using ConnectorHub.Core.Mapping.Preview;

namespace ConnectorHub.Host.Dashboard.Mappings;

/// <summary>What the preview under the editor shows: the mapped samples, or why the mapping or the samples cannot be read.</summary>
public sealed record PreviewModel(MappingPreviewResult? Result, string? SamplesError)
{
    public static PreviewModel For(string? mapping, string? samplesText)
    {
        var (samples, error) = SampleText.Read(samplesText);
        return error is not null || string.IsNullOrWhiteSpace(mapping)
            ? new PreviewModel(null, error)
            : new PreviewModel(MappingPreview.Run(mapping, "mapping", samples), null);
    }
}
