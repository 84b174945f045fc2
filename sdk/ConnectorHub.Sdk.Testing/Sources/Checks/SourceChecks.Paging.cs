using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Reading;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

public static partial class SourceChecks
{
    /// <summary>
    /// When the API repeats a page cursor or pages on forever past its data, the read stops with a classified
    /// error that names the stream, instead of looping.
    /// </summary>
    public static async Task PagingGuardsAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.PagingGuards);
        var session = new SourceSession(fixture, cancellationToken);
        var stream = await session.ResilienceStreamAsync();
        var problems = new List<string>();
        foreach (var mode in SourceSession.ModesOf(stream))
        {
            var size = (await session.ReadAllAsync(stream, mode)).Records.Count;
            foreach (var fault in Enum.GetValues<PagingFault>())
            {
                fixture.SetPagingFault(fault);
                try
                {
                    problems.AddRange(await GuardProblemsAsync(session, stream, mode, fault, maxRecords: (size * 3) + 100));
                }
                finally
                {
                    fixture.SetPagingFault(null);
                }
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"Paging guards:\n- {string.Join("\n- ", problems)}");
        }
    }

    private static async Task<IEnumerable<string>> GuardProblemsAsync(SourceSession session, StreamDescriptor stream, SyncMode mode, PagingFault fault, int maxRecords)
    {
        var what = $"stream '{stream.Name}' ({mode}) with {fault}";
        try
        {
            await session.ReadAsync(stream, mode, options: new SourceReadOptions { MaxRecords = maxRecords, MaxMessages = (maxRecords * 2) + 200, Timeout = session.Fixture.PagingGuardTimeout });
            return [$"{what}: the read ended normally; it must stop with an error, or data is silently missing or doubled."];
        }
        catch (SourceReadException ex)
        {
            return [$"{what}: {ex.Message} Guard against a repeated cursor, an empty page with a next link, and a page-count cap."];
        }
        catch (ConnectorException ex)
        {
            return ex.Message.Contains(stream.Name, StringComparison.OrdinalIgnoreCase)
                ? []
                : [$"{what}: the error does not name the stream, so an admin cannot tell what failed: {ex.Message}"];
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return [$"{what}: failed with an unclassified {ex.GetType().Name} ({ex.Message}); throw a ConnectorException (ConnectorInternalException) naming the stream and the cursor."];
        }
    }
}
