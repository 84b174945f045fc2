using ConnectorHub.Connectors.Acme.Tests.Stubs;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Configs;
using ConnectorHub.Sdk.Testing.Reading;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>The <c>&gt;=</c> cursor's boundary made explicit: a read resumed inside an instant reads the rest of it once.</summary>
public sealed class IncrementalBoundaryTests
{
    [Fact]
    public async Task Resume_FromACheckpointInsideAnInstant_ReadsTheRestOfThatInstantOnce()
    {
        // Nine contacts, three per updated_at minute; pages of two put a checkpoint after c_1003, the first of the
        // second minute (c_1003, c_1004, c_1005).
        using var stubs = new AcmeStubs(contacts: 9);
        var updater = new RecordingConfigUpdater();
        var connector = new AcmeSource();
        var request = SourceReader.Request(SyncMode.Incremental, "contacts");
        ConnectorContext Context() => new()
        {
            Config = updater.Last ?? new ConnectorConfig(AcmeSourceFixture.Config(stubs.Api.BaseAddress, stubs.IssueRefreshToken(), pageSize: 2)),
            Time = new InstantTimeProvider(),
            ConfigUpdater = updater,
        };

        var crashed = await SourceReader.ReadAsync(connector, Context(), request, new SourceReadOptions { StopAfterRecords = 5 });
        var resumed = await SourceReader.ResumeAsync(connector, Context(), request, crashed);

        Assert.Equal(["c_1000", "c_1001", "c_1002", "c_1003"], Ids(crashed.CommittedRecordsOf("contacts")));
        Assert.Equal(["c_1004", "c_1005", "c_1006", "c_1007", "c_1008"], Ids(resumed.Records));
    }

    private static string[] Ids(IEnumerable<RecordMessage> records) => records.Select(r => r.Data["id"]!.GetValue<string>()).ToArray();
}
