using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.HubSpot.Http;
using ConnectorHub.Connectors.HubSpot.Streams;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.HubSpot.Reading;

/// <summary>
/// An incremental read through the search endpoint: modified at or after the cursor, oldest first, a checkpoint
/// per page. A search pages through at most 10,000 results, so before paging past them the read starts a new
/// search from the last modified time it emitted (a new window), skipping the ids already emitted at that time.
/// </summary>
internal static class IncrementalReader
{
    /// <summary>HubSpot's cap on the results one search query can page through.</summary>
    public const int SearchResultCap = 10_000;

    public static async IAsyncEnumerable<SourceMessage> ReadAsync(HubSpotApi api, CrmStream stream, JsonNode? stateNode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = IncrementalState.From(stateNode);
        while (true)
        {
            var windowStart = state.Cursor;
            var guard = new PagingGuard(stream.Name, "search endpoint", api.Settings.MaxPages);
            var offset = 0;
            while (true)
            {
                var page = CrmPage.From(await api.SearchModifiedSinceAsync(stream, windowStart, offset, cancellationToken), stream.Name);
                foreach (var item in page.Results)
                {
                    var id = item["id"]?.ToString() ?? throw new ConnectorInternalException($"HubSpot returned a {stream.Name} object without an id.");
                    var modified = ModifiedMs(item, stream);
                    if (state.AlreadyEmitted(modified, id))
                    {
                        continue;
                    }

                    state.Emitted(modified, id);
                    yield return new RecordMessage(stream.Name, item);
                }

                guard.Check(offset == 0 ? null : offset.ToString(CultureInfo.InvariantCulture), page.Next, page.Results.Count);
                yield return new StateMessage(stream.Name, state.ToJson());
                if (page.Next is null)
                {
                    yield break;
                }

                offset = int.TryParse(page.Next, NumberStyles.None, CultureInfo.InvariantCulture, out var next)
                    ? next
                    : throw new ConnectorInternalException($"HubSpot's search for stream '{stream.Name}' returned a paging cursor that is not an offset: after={page.Next}.");
                if (offset + api.Settings.SearchPageSize > SearchResultCap)
                {
                    break; // The next page would cross the cap: start a new window from the cursor.
                }
            }

            if (state.Cursor == windowStart)
            {
                throw new ConnectorInternalException($"More than {SearchResultCap:N0} {stream.Name} share the modification time {DateTimeOffset.FromUnixTimeMilliseconds(windowStart):O} ({stream.ModifiedProperty}); HubSpot's search cannot page past them. Run a full refresh of '{stream.Name}' instead.");
            }
        }
    }

    private static long ModifiedMs(JsonObject item, CrmStream stream)
    {
        var text = item["properties"]?[stream.ModifiedProperty]?.ToString() ?? item["updatedAt"]?.ToString();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return ms;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeMilliseconds()
            : throw new ConnectorInternalException($"HubSpot returned {stream.Name} {item["id"]} with an unreadable {stream.ModifiedProperty} '{text}'.");
    }
}
