using ConnectorHub.Connectors.Acme.Tests.Emulator;
using ConnectorHub.Sandbox.Hosting;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Reading;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Connectors.Acme.Tests.Reading;

/// <summary>The <c>&gt;=</c> cursor's boundary, made explicit: contacts sharing the cursor's instant are read once each.</summary>
public sealed class IncrementalBoundaryTests
{
    [Fact]
    public async Task Resume_FromACheckpointInsideAnInstant_ReadsTheRestOfThatInstantOnce()
    {
        // Nine contacts, three per updated_at instant; pages of two put a checkpoint after c_1003, the first of
        // the second instant (c_1003, c_1004, c_1005).
        await using var host = await EmulatorHost.StartAsync(new AcmeEmulator(contacts: 9));
        var connector = new AcmeSource();
        var context = new ConnectorContext
        {
            Config = new ConnectorConfig(AcmeSourceFixture.Config(host.BaseAddress, AcmeEmulator.ApiKey, pageSize: 2)),
            Time = FakeTimeProvider.Instant(),
        };
        var request = SourceReader.Request(SyncMode.Incremental, "contacts");

        var crashed = await SourceReader.ReadAsync(connector, context, request, new SourceReadOptions { StopAfterRecords = 5 });
        var resumed = await SourceReader.ResumeAsync(connector, context, request, crashed);

        Assert.Equal(["c_1000", "c_1001", "c_1002", "c_1003"], Ids(crashed.CommittedRecordsOf("contacts")));
        Assert.Equal(["c_1004", "c_1005", "c_1006", "c_1007", "c_1008"], Ids(resumed.Records));
    }

    private static string[] Ids(IEnumerable<RecordMessage> records) => records.Select(r => r.Data["id"]!.GetValue<string>()).ToArray();
}
