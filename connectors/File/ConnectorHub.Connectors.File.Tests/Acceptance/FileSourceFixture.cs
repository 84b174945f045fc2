using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.File.Tests.Acceptance;

/// <summary>
/// The File source over a temp folder of <see cref="AcceptanceFiles"/>: a cursor stream, a folder stream read
/// incrementally by modification time, and a JSON Lines stream, with a checkpoint every five rows so a crash falls
/// between checkpoints.
/// </summary>
public sealed class FileSourceFixture : SourceAcceptanceFixture
{
    private const string FarFuture = "9999-12-31T00:00:00.0000000+00:00";

    private readonly TempFolder _folder = new();

    public FileSourceFixture()
    {
        Skip(SourceCheck.RateLimitStorm, "local files: reading a file has no HTTP, so nothing answers 429");
        Skip(SourceCheck.TokenExpiry, "local files: no credentials or access tokens to expire");
        Skip(SourceCheck.PagingGuards, "local files have no paging cursor to repeat: a file ends at its end, and a folder is listed once per read");
    }

    public override ISourceConnector Connector { get; } = new FileSource();

    /// <summary>Files need no emulator; the only check that would use one (the 429 storm) is skipped.</summary>
    public override EmulatorHost Emulator => throw new NotSupportedException("The File source reads local files: there is no emulator.");

    public override JsonObject GoodConfig => new()
    {
        ["streams"] = new JsonArray(
            new JsonObject { ["name"] = "customers", ["path"] = _folder["customers.csv"], ["primary_key"] = new JsonArray("customer_id"), ["cursor_field"] = "updated_at" },
            new JsonObject { ["name"] = "orders", ["path"] = _folder["orders"], ["pattern"] = "orders-*.csv", ["primary_key"] = new JsonArray("order_id"), ["infer_types"] = true },
            new JsonObject { ["name"] = "events", ["path"] = _folder["events.jsonl"], ["primary_key"] = new JsonArray("message_id"), ["cursor_field"] = "seq" }),
        ["checkpoint_every"] = 5,
    };

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("a file that does not exist", FileSourceHarness.Config("customers", _folder["missing.csv"]), "does not exist"),
        new("a cursor column the header lacks", FileSourceHarness.Config("customers", _folder["customers.csv"], new JsonObject { ["cursor_field"] = "modified_on" }), "no column 'modified_on'"),
        new("a misspelt setting", FileSourceHarness.Config("customers", _folder["customers.csv"], new JsonObject { ["delimeter"] = ";" }), "'streams[0].delimeter' is not a setting"),
    ];

    /// <summary><c>primary_key</c> ends in "key" but names columns.</summary>
    public override IReadOnlyCollection<string> NonSecretFields => ["primary_key"];

    public override IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ExpectedRecords { get; } = new Dictionary<string, IReadOnlyList<JsonObject>>
    {
        ["customers"] = [new JsonObject { ["customer_id"] = "C001", ["email"] = "Customer1@Shop.example", ["first_name"] = "Ann 1", ["phone"] = "(415) 555-0001", ["updated_at"] = "2024-01-01T00:00:00Z" }],
        ["orders"] = [new JsonObject { ["order_id"] = 26, ["customer_id"] = "C027", ["total"] = 26.50m, ["currency"] = "EUR", ["placed_at"] = "2024-01-27T10:00:00Z" }],
        ["events"] = [new JsonObject { ["message_id"] = "evt-003", ["seq"] = 3, ["properties"] = new JsonObject { ["sku"] = "SKU-3" } }],
    };

    public override int LargeStreamRecords => 300_000;

    /// <summary>The CSV reader holds one row at a time; 4 MB leaves room for buffers and the collector's timing.</summary>
    public override long LargeStreamHeapAllowanceBytes => 4L * 1024 * 1024;

    public override JsonNode FutureState(StreamDescriptor stream) => stream.Name switch
    {
        "customers" => CursorState("updated_at", "9999-12-31T00:00:00Z"),
        "events" => CursorState("seq", "999999999"),
        "orders" => new JsonObject
        {
            ["version"] = 1,
            ["mode"] = "modified_time",
            ["files"] = new JsonObject(AcceptanceFiles.OrderFiles.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonObject
            {
                ["size"] = new FileInfo(Path.Combine(_folder["orders"], name)).Length,
                ["modified"] = FarFuture,
            }))),
            ["completed"] = new JsonObject(),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(stream), stream.Name, "Not a stream of the fixture."),
    };

    public override Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        var folder = new TempFolder();
        AcceptanceFiles.WriteLargeOrders(folder["orders.csv"], records);
        var config = FileSourceHarness.Config("orders", folder["orders.csv"], new JsonObject { ["primary_key"] = new JsonArray("order_id") }, checkpointEvery: 10_000);
        return Task.FromResult(new LargeStreamSource("orders", config, records, folder));
    }

    public override Task InitializeAsync()
    {
        AcceptanceFiles.WriteAll(_folder);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private static JsonObject CursorState(string field, string cursor) => new()
    {
        ["version"] = 1,
        ["mode"] = "cursor_field",
        ["cursor_field"] = field,
        ["cursor"] = cursor,
        ["completed"] = new JsonObject(),
    };
}
