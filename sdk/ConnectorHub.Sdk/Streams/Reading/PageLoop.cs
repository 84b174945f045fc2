using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams.Errors;
using ConnectorHub.Sdk.Streams.Paging;
using ConnectorHub.Sdk.Streams.Records;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Reading;

/// <summary>One page of a loop: its records (selected and transformed), the next token, and a rejection when an error rule set the request aside.</summary>
internal sealed record Page(IReadOnlyList<JsonObject> Records, string? Token, string? Next, RecordRejectedMessage? Rejection);

/// <summary>
/// Pages through one query (a slice of a partition): sends each page, selects and transforms its records, reads the
/// next token and runs the <see cref="PagingGuard"/>. Responses an error rule ignores end the loop as an empty page;
/// those it sets aside become a rejection.
/// </summary>
internal sealed class PageLoop(HttpSourceCall call, HttpStreamBuilder stream, RequestTemplate template, IPaginator paginator, RequestArguments arguments, Action<PageRequest>? prepare)
{
    public async IAsyncEnumerable<Page> RunAsync(string? token, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var guard = new PagingGuard(stream.Name, $"{template.Method} {template.Path}", stream.Guards);
        while (true)
        {
            var request = template.Create(arguments);
            prepare?.Invoke(request);
            paginator.Apply(request, token);
            var response = await call.Http.SendAsync(request, cancellationToken);
            if (!response.IsSuccess)
            {
                yield return HandedBack(request, response, token);
                yield break;
            }

            var records = stream.Selector.Select(response.Body, stream.Name);
            var transform = new TransformArguments(stream.Name, arguments.Partition);
            foreach (var record in records)
            {
                foreach (var step in stream.Transforms)
                {
                    step.Apply(record, transform);
                }
            }

            var next = paginator.Next(new PageArguments(response, records.Count, token, records.Count == 0 ? null : records[^1]));
            guard.Check(token, next, records.Count);
            yield return new Page(records, token, next, null);
            if (next is null)
            {
                yield break;
            }

            token = next;
        }
    }

    private Page HandedBack(PageRequest request, PageResponse response, string? token)
    {
        var errorArguments = new ErrorArguments(response.StatusCode, response.Headers, response.Content, response.Body, $"{request.Method} {response.RequestUri?.AbsolutePath ?? request.Path}");
        var rule = call.Errors.Match(errorArguments);
        if (rule?.Action != ErrorAction.Record)
        {
            return new Page([], token, null, null); // ignored: an empty page, the end of this loop
        }

        var reason = rule.Message?.Invoke(errorArguments) ?? $"{request} answered {response.StatusCode}: {Truncate(response.Content)}";
        return new Page([], token, null, new RecordRejectedMessage(stream.Name, reason, $"{request.Method} {response.RequestUri}", Truncate(response.Content)));
    }

    private static string Truncate(string text) => text.Length <= 2048 ? text : string.Concat(text.AsSpan(0, 2048), "…");
}
