using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Api;
using ConnectorHub.Connectors.Square.Configuration;
using ConnectorHub.Connectors.Square.State;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Streams;

/// <summary>
/// <c>orders</c> through <c>POST /v2/orders/search</c>: at most 10 locations per query, so locations are read in
/// batches of 10; filtered on <c>updated_at</c> and sorted by <c>UPDATED_AT</c> ascending (Square refuses a sort
/// field other than the filtered one). Every page repeats the same query, as Square's cursors require.
/// </summary>
internal sealed class OrdersStream(SquareSettings settings) : ISquareStream
{
    /// <summary>Square's limit of <c>location_ids</c> per SearchOrders request.</summary>
    public const int LocationsPerQuery = 10;

    private const int DefaultPageSize = 500;
    private const int MaxPageSize = 1000;

    public string Name => "orders";

    public StreamDescriptor Describe() => StreamDescriptors.For(Name, "Orders of every location, with line items and tenders.");

    public async Task<IReadOnlyList<string>> PartitionsAsync(LocationScope locations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var ids = await locations.IdsAsync(cancellationToken);
        return ids.Chunk(LocationsPerQuery).Select(batch => string.Join(',', batch)).ToArray();
    }

    public async Task<SquarePage> FetchAsync(SquareApi api, string partition, PassProgress pass, string? pageCursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(partition);
        var range = new JsonObject();
        if (pass.WindowStart is { } start)
        {
            range["start_at"] = TimeText.Format(start);
        }

        range["end_at"] = TimeText.Format(pass.WindowEnd);
        var body = new JsonObject
        {
            ["location_ids"] = new JsonArray(partition.Split(',').Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
            ["limit"] = Math.Min(settings.PageSize ?? DefaultPageSize, MaxPageSize),
            ["return_entries"] = false,
            ["query"] = new JsonObject
            {
                ["filter"] = new JsonObject { ["date_time_filter"] = new JsonObject { ["updated_at"] = range } },
                ["sort"] = new JsonObject { ["sort_field"] = "UPDATED_AT", ["sort_order"] = "ASC" },
            },
        };
        if (pageCursor is not null)
        {
            body["cursor"] = pageCursor;
        }

        return SquarePage.From(await api.PostAsync("v2/orders/search", body, cancellationToken), "orders");
    }
}
