using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaCustomAudiences.Configuration;
using ConnectorHub.Connectors.MetaCustomAudiences.Graph;
using ConnectorHub.Connectors.MetaCustomAudiences.Upload;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.MetaCustomAudiences;

/// <summary>
/// Activates audiences to Meta customer-file Custom Audiences. Records are <see cref="AudienceMember"/>s; their
/// identifiers are normalized and SHA-256 hashed per Meta's rules in process, then added (Add, Upsert) or
/// removed (Remove, Delete) through <c>/{audience_id}/users</c>, each request on its own.
/// </summary>
public sealed class MetaCustomAudiencesDestination : IDestinationConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = ConnectorSettings.SchemaOf<MetaConfig>(),
        DocumentationUrl = new Uri("https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences"),
    };

    /// <inheritdoc />
    public DestinationCapabilities GetCapabilities() => new()
    {
        MaxBatchSize = AudienceWriter.MaxRowsPerRequest,
        SupportedModes = [DestinationSyncMode.AddRemove, DestinationSyncMode.Mirror, DestinationSyncMode.Upsert],
        SupportedOperations = [RecordOperation.Add, RecordOperation.Remove, RecordOperation.Upsert, RecordOperation.Delete],
    };

    /// <inheritdoc />
    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var config = ConnectorSettings.Bind<MetaConfig>(context.Config);
            using var graph = new MetaGraphClient(context, config);
            var page = await graph.GetAsync($"act_{config.AdAccountId}/customaudiences", "fields=id,name&limit=1", cancellationToken);
            var any = page?["data"] is JsonArray { Count: > 0 };
            return CheckResult.Success($"Connected to ad account act_{config.AdAccountId}{(any ? string.Empty : ", which has no custom audiences yet")}.");
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure(ex.Message);
        }
    }

    /// <inheritdoc />
    public async Task<IDestinationWriter> OpenAsync(ConnectorContext context, WriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = ConnectorSettings.Bind<MetaConfig>(context.Config);
        var settings = AudienceSettings.From(request);
        var graph = new MetaGraphClient(context, config);
        try
        {
            var audience = await graph.GetAsync(settings.AudienceId, "fields=id,name,account_id", cancellationToken);
            var owner = audience?["account_id"]?.GetValue<string>();
            if (owner is not null && owner != config.AdAccountId)
            {
                throw new ConfigurationException(
                    $"Audience {settings.AudienceId} belongs to ad account act_{owner}, not to the connection's act_{config.AdAccountId}. " +
                    "Pick an audience of this ad account, or use a connection for the other one.");
            }

            return new AudienceWriter(graph, settings.AudienceId, context.Logger);
        }
        catch
        {
            graph.Dispose();
            throw;
        }
    }
}
