using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Api;
using ConnectorHub.Connectors.Mailchimp.Configuration;
using ConnectorHub.Connectors.Mailchimp.Members;
using ConnectorHub.Connectors.Mailchimp.Writing;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.Mailchimp;

/// <summary>
/// Writes hub profiles (<see cref="AudienceMember"/> records) into a Mailchimp audience: upserts (Add, Upsert) in
/// batches of 500 with merge fields and tags, and removals (Remove, Delete) by archiving, unsubscribing or
/// untagging, as the sync's settings say.
/// </summary>
public sealed class MailchimpDestination : IDestinationConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = ConnectorSettings.SchemaOf<MailchimpConfig>(),
        DocumentationUrl = new Uri("https://mailchimp.com/developer/marketing/api/list-members/"),
    };

    /// <inheritdoc />
    public DestinationCapabilities GetCapabilities() => new()
    {
        MaxBatchSize = MemberPreparation.MaxMembersPerBatch,
        SupportedModes = [DestinationSyncMode.Upsert, DestinationSyncMode.AddRemove, DestinationSyncMode.Mirror],
        SupportedOperations = [RecordOperation.Upsert, RecordOperation.Add, RecordOperation.Remove, RecordOperation.Delete],
    };

    /// <inheritdoc />
    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var config = MailchimpConfig.From(context.Config);
            using var client = new MailchimpClient(context, config);
            await client.GetAsync("ping", cancellationToken);
            return CheckResult.Success($"Connected to Mailchimp data center {config.DataCenter}.");
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
        var config = MailchimpConfig.From(context.Config);
        var settings = ListSettings.From(request);
        var client = new MailchimpClient(context, config);
        try
        {
            var fieldTypes = await ReadMergeFieldsAsync(client, settings.ListId, cancellationToken);
            var bodies = new MemberBody(settings, MergeFieldMap.Build(settings.MergeFields, fieldTypes, settings.ListId));
            var perMember = new PerMemberCalls(config.MaxConnections);
            return new ListWriter(
                client,
                new BatchUpsert(client, settings, bodies, perMember),
                new MemberRemoval(client, settings, perMember),
                settings.ListId,
                context.Logger);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<Dictionary<string, string>> ReadMergeFieldsAsync(MailchimpClient client, string listId, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetAsync($"lists/{listId}?fields=id,name", cancellationToken);
            var fields = await client.GetAsync($"lists/{listId}/merge-fields?count=1000&fields=merge_fields.tag,merge_fields.type", cancellationToken);
            return (fields?["merge_fields"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(f => f["tag"] is not null)
                .ToDictionary(f => f["tag"]!.GetValue<string>(), f => f["type"]?.GetValue<string>() ?? "text", StringComparer.OrdinalIgnoreCase);
        }
        catch (ConnectorInternalException ex) when (ex.FailedRequest?.StatusCode == 404)
        {
            throw new ConfigurationException(
                $"Mailchimp has no audience with id '{listId}' for this API key. Set the sync's 'list_id' to the Audience ID from Audience > Settings > Audience name and defaults.",
                ex.FailedRequest,
                ex);
        }
    }
}
