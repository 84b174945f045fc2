using System.Globalization;
using System.Text;
using ConnectorHub.Connectors.Square.Api;
using ConnectorHub.Connectors.Square.Configuration;
using ConnectorHub.Connectors.Square.State;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Streams;

/// <summary>
/// <c>payments</c> through <c>GET /v2/payments</c>, one location at a time (Square defaults to the main location),
/// filtered on <c>updated_at</c> and sorted by <c>UPDATED_AT</c> ascending. <c>begin_time</c> is always sent,
/// because without it Square only returns payments created in the last year.
/// </summary>
internal sealed class PaymentsStream(SquareSettings settings) : ISquareStream
{
    private const int MaxPageSize = 100;

    public string Name => "payments";

    public StreamDescriptor Describe() => StreamDescriptors.For(Name, "Payments taken at every location, card and cash.");

    public async Task<IReadOnlyList<string>> PartitionsAsync(LocationScope locations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locations);
        return await locations.IdsAsync(cancellationToken);
    }

    public async Task<SquarePage> FetchAsync(SquareApi api, string partition, PassProgress pass, string? pageCursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(pass);
        var query = new StringBuilder("v2/payments?location_id=").Append(Uri.EscapeDataString(partition));
        Append(query, "begin_time", TimeText.Format(settings.StartDate));
        if (pass.WindowStart is { } start)
        {
            Append(query, "updated_at_begin_time", TimeText.Format(start));
        }

        Append(query, "updated_at_end_time", TimeText.Format(pass.WindowEnd));
        Append(query, "sort_field", "UPDATED_AT");
        Append(query, "sort_order", "ASC");
        Append(query, "limit", Math.Min(settings.PageSize ?? MaxPageSize, MaxPageSize).ToString(CultureInfo.InvariantCulture));
        if (pageCursor is not null)
        {
            Append(query, "cursor", pageCursor);
        }

        return SquarePage.From(await api.GetAsync(query.ToString(), cancellationToken), "payments");
    }

    private static void Append(StringBuilder query, string name, string value) =>
        query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
}
