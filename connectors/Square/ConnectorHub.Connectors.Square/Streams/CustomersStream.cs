using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Api;
using ConnectorHub.Connectors.Square.Configuration;
using ConnectorHub.Connectors.Square.State;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Streams;

/// <summary>
/// <c>customers</c>: a full refresh lists every profile (<c>GET /v2/customers</c>, oldest first); an incremental pass
/// searches by <c>updated_at</c> range (<c>POST /v2/customers/search</c>). Square cannot sort customers by
/// <c>updated_at</c>, so the pass's window, not the order of records, bounds what the next pass reads.
/// </summary>
internal sealed class CustomersStream(SquareSettings settings) : ISquareStream
{
    private const int MaxPageSize = 100;

    public string Name => "customers";

    private int PageSize => Math.Min(settings.PageSize ?? MaxPageSize, MaxPageSize);

    public StreamDescriptor Describe() => StreamDescriptors.For(Name, "Customer profiles of the seller's Customer Directory.");

    public Task<IReadOnlyList<string>> PartitionsAsync(LocationScope locations, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([string.Empty]);

    public async Task<SquarePage> FetchAsync(SquareApi api, string partition, PassProgress pass, string? pageCursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(pass);
        if (!pass.Incremental)
        {
            var query = $"v2/customers?limit={PageSize.ToString(CultureInfo.InvariantCulture)}&sort_field=CREATED_AT&sort_order=ASC";
            var answer = await api.GetAsync(pageCursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(pageCursor)}", cancellationToken);
            return SquarePage.From(answer, "customers");
        }

        var range = new JsonObject();
        if (pass.WindowStart is { } start)
        {
            range["start_at"] = TimeText.Format(start);
        }

        range["end_at"] = TimeText.Format(pass.WindowEnd);
        var body = new JsonObject
        {
            ["limit"] = PageSize,
            ["query"] = new JsonObject
            {
                ["filter"] = new JsonObject { ["updated_at"] = range },
                ["sort"] = new JsonObject { ["field"] = "CREATED_AT", ["order"] = "ASC" },
            },
        };
        if (pageCursor is not null)
        {
            body["cursor"] = pageCursor;
        }

        return SquarePage.From(await api.PostAsync("v2/customers/search", body, cancellationToken), "customers");
    }
}
