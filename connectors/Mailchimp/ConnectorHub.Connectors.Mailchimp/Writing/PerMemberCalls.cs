using System.Collections.Concurrent;
using ConnectorHub.Connectors.Mailchimp.Api;
using ConnectorHub.Connectors.Mailchimp.Members;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Mailchimp.Writing;

/// <summary>
/// Runs one request per member with at most <c>max_connections</c> in flight. A 4xx answer becomes that member's
/// result through <c>onProblem</c>; throttling or failures past the client's retries make it a Retry; a
/// configuration error stops the run.
/// </summary>
internal sealed class PerMemberCalls(int maxConnections)
{
    public async Task<IReadOnlyDictionary<int, RecordResult>> RunAsync(
        IReadOnlyList<PreparedMember> members,
        Func<PreparedMember, CancellationToken, Task> call,
        Func<PreparedMember, ProblemDetail, RecordResult> onProblem,
        CancellationToken cancellationToken)
    {
        var results = new ConcurrentDictionary<int, RecordResult>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxConnections, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(members, options, async (member, token) =>
        {
            var key = member.Record.Key;
            try
            {
                await call(member, token);
                results[member.Index] = RecordResult.Accepted(key);
            }
            catch (ConnectorInternalException ex) when (ex.FailedRequest?.StatusCode is >= 400 and < 500)
            {
                var problem = ProblemDetail.TryParse(ex.FailedRequest.ResponseBody)
                    ?? new ProblemDetail($"HTTP {ex.FailedRequest.StatusCode}", ex.FailedRequest.StatusCode.Value, ex.Message, []);
                results[member.Index] = onProblem(member, problem);
            }
            catch (Exception ex) when (ex is RateLimitedException or TransientException)
            {
                results[member.Index] = RecordResult.Retry(key, $"Not written: {ex.Message} The hub retries this record later.");
            }
        });
        return results;
    }
}
