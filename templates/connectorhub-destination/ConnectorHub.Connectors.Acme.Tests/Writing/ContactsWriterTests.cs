using ConnectorHub.Connectors.Acme.Tests.Emulator;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Connectors.Acme.Tests.Writing;

/// <summary>What the writer answers for records the kit does not cover: ones it cannot send, and an outage.</summary>
public sealed class ContactsWriterTests : IAsyncLifetime
{
    private readonly AcmeEmulator _api = new();
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(_api);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Write_ProfileWithoutEmail_IsRejectedWithTheReason_AndTheOthersAreWritten()
    {
        var noEmail = new DestinationRecord("profile-no-email", RecordOperation.Upsert, new AudienceMember { FirstName = "Nobody" }.ToJson());

        var results = await WriteAsync([AcmeDestinationFixture.Profile(1), noEmail, AcmeDestinationFixture.Profile(2)]);

        Assert.Equal([RecordOutcome.Accepted, RecordOutcome.Rejected, RecordOutcome.Accepted], results.Select(r => r.Outcome));
        Assert.Contains("no email address", results[1].Reason, StringComparison.Ordinal);
        Assert.Equal(["profile-1", "profile-2"], _api.Contacts.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Write_WhenAcmeStaysDown_AnswersRetryForEveryRecord_InsteadOfFailingTheRun()
    {
        // The first attempt and the client's five retries all meet a 503.
        _host.Faults.Add(AcmeFaults.Unavailable(), times: 6);

        var results = await WriteAsync([AcmeDestinationFixture.Profile(1), AcmeDestinationFixture.Profile(2)]);

        Assert.All(results, r => Assert.Equal(RecordOutcome.Retry, r.Outcome));
        Assert.All(results, r => Assert.Contains("503", r.Reason, StringComparison.Ordinal));
        Assert.Empty(_api.Contacts);
        Assert.Equal(6, _host.Faults.Served);
    }

    private async Task<IReadOnlyList<RecordResult>> WriteAsync(IReadOnlyList<DestinationRecord> records)
    {
        var context = new ConnectorContext
        {
            Config = new ConnectorConfig(AcmeDestinationFixture.Config(_host.BaseAddress, AcmeEmulator.ApiKey)),
            Time = new InstantTimeProvider(), // Backoff delays pass at once.
        };
        var connector = new AcmeDestination();
        await using var writer = await connector.OpenAsync(context, new WriteRequest { Stream = "contacts", Mode = DestinationSyncMode.Upsert }, CancellationToken.None);
        var result = await writer.WriteAsync(records, CancellationToken.None);
        await writer.CompleteAsync(CancellationToken.None);
        return result.Results;
    }
}
