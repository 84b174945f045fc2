using ConnectorHub.Connectors.Acme.Tests.Emulator;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Reading;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Connectors.Acme.Tests.Reading;

/// <summary>Incremental reads beyond the kit: the <c>&gt;=</c> cursor's boundary made explicit, and a contact that cannot be placed.</summary>
public sealed class IncrementalReadTests
{
    private readonly AcmeSource _connector = new();

    [Fact]
    public async Task Resume_FromACheckpointInsideAnInstant_ReadsTheRestOfThatInstantOnce()
    {
        // Nine contacts, three per updated_at instant; pages of two put a checkpoint after c_1003, the first of
        // the second instant (c_1003, c_1004, c_1005).
        await using var host = await EmulatorHost.StartAsync(new AcmeEmulator(contacts: 9));
        var context = Context(host, pageSize: 2);
        var request = SourceReader.Request(SyncMode.Incremental, "contacts");

        var crashed = await SourceReader.ReadAsync(_connector, context, request, new SourceReadOptions { StopAfterRecords = 5 });
        var resumed = await SourceReader.ResumeAsync(_connector, context, request, crashed);

        Assert.Equal(["c_1000", "c_1001", "c_1002", "c_1003"], Ids(crashed.CommittedRecordsOf("contacts")));
        Assert.Equal(["c_1004", "c_1005", "c_1006", "c_1007", "c_1008"], Ids(resumed.Records));
    }

    [Fact]
    public async Task Read_SetsAsideAContactWithAnUnreadableUpdatedAt_AndReadsTheRest()
    {
        await using var host = await EmulatorHost.StartAsync(new AcmeEmulator(contacts: 6) { UnreadableUpdatedAt = 2 });

        var result = await SourceReader.ReadAsync(_connector, Context(host, pageSize: 4), SourceReader.Request(SyncMode.Incremental, "contacts"));

        var rejected = Assert.Single(result.Rejections);
        Assert.Equal("contact c_1002", rejected.Location);
        Assert.Contains("updated_at", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(["c_1000", "c_1001", "c_1003", "c_1004", "c_1005"], Ids(result.Records));
    }

    private static ConnectorContext Context(EmulatorHost host, int pageSize) => new()
    {
        Config = new ConnectorConfig(AcmeSourceFixture.Config(host.BaseAddress, AcmeEmulator.ApiKey, pageSize)),
        Time = new InstantTimeProvider(), // Backoff and Retry-After waits pass at once.
    };

    private static string[] Ids(IEnumerable<RecordMessage> records) => records.Select(r => r.Data["id"]!.GetValue<string>()).ToArray();
}
