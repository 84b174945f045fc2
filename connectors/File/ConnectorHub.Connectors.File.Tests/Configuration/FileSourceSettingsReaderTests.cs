using System.Text.Json.Nodes;
using ConnectorHub.Connectors.File.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.File.Tests.Configuration;

public sealed class FileSourceSettingsReaderTests
{
    private static readonly string DataFolder = Path.Combine(Path.GetTempPath(), "exports");

    [Fact]
    public void Read_MinimalStream_AppliesDefaults()
    {
        var settings = Read(Stream(path: Path.Combine(DataFolder, "customers.tsv")));

        var stream = Assert.Single(settings.Streams);
        Assert.Equal(FileFormat.Csv, stream.Format);
        Assert.Equal('\t', stream.Delimiter);
        Assert.Equal(IncrementalBy.ModifiedTime, stream.IncrementalBy);
        Assert.Equal(1000, settings.CheckpointEvery);
    }

    [Fact]
    public void Read_FolderWithPattern_TakesTheFormatFromThePattern()
    {
        var stream = Assert.Single(Read(Stream(extra: new JsonObject { ["pattern"] = "*.ndjson" })).Streams);

        Assert.Equal(FileFormat.JsonLines, stream.Format);
        Assert.Equal("*.ndjson", stream.Pattern);
    }

    [Fact]
    public void Read_CursorFieldWithoutIncrementalBy_ReadsIncrementallyByCursor()
    {
        var stream = Assert.Single(Read(Stream(extra: new JsonObject { ["format"] = "csv", ["cursor_field"] = "updated_at" })).Streams);

        Assert.Equal(IncrementalBy.CursorField, stream.IncrementalBy);
        Assert.Equal("*.csv", stream.Pattern);
    }

    [Theory]
    [InlineData("""{"format":"xml"}""", "'streams[0].format' must be csv or jsonl; got 'xml'")]
    [InlineData("""{"delimiter":";;"}""", "'streams[0].delimiter' must be one ASCII character")]
    [InlineData("""{"delimeter":";"}""", "'streams[0].delimeter' is not a setting")]
    [InlineData("""{"incremental_by":"cursor_field"}""", "no cursor column is set: set 'streams[0].cursor_field'")]
    [InlineData("""{"primary_key":[1]}""", "'streams[0].primary_key[0]' must be a non-empty string")]
    [InlineData("""{"pattern":"sub/*.csv"}""", "'streams[0].pattern' must be a file name pattern")]
    public void Read_BadStreamSetting_FailsNamingIt(string extra, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(Stream(path: Path.Combine(DataFolder, "a.csv"), extra: JsonNode.Parse(extra)!.AsObject())));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RelativePath_FailsAskingForAnAbsoluteOne()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(Stream(path: "exports/a.csv")));

        Assert.Contains("'streams[0].path' must be an absolute path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FolderWithoutFormatOrPattern_FailsAskingForTheFormat()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(Stream()));

        Assert.Contains("'streams[0].format' is needed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateStreamNames_FailsNamingBoth()
    {
        var config = new JsonObject
        {
            ["streams"] = new JsonArray(
                Stream(path: Path.Combine(DataFolder, "a.csv"))["streams"]![0]!.DeepClone(),
                Stream(path: Path.Combine(DataFolder, "b.csv"))["streams"]![0]!.DeepClone()),
        };

        var error = Assert.Throws<ConfigurationException>(() => Read(config));

        Assert.Contains("'streams[1].name': the stream name 'orders' is also used by streams[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZeroCheckpointEvery_Fails()
    {
        var config = Stream(path: Path.Combine(DataFolder, "a.csv"));
        config["checkpoint_every"] = 0;

        var error = Assert.Throws<ConfigurationException>(() => Read(config));

        Assert.Contains("'checkpoint_every' must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_IsAValidJsonSchemaListingEverySetting()
    {
        var spec = new FileSource().GetSpec();

        var streamProperties = spec.ConfigSchema["properties"]!["streams"]!["items"]!["properties"]!.AsObject();
        Assert.Equal(
            ["name", "path", "pattern", "format", "delimiter", "cursor_field", "primary_key", "incremental_by", "infer_types"],
            streamProperties.Select(p => p.Key));
        Assert.Empty(ConnectorHub.Sdk.Schemas.JsonSchemaValidator.FromJson(spec.ConfigSchema)
            .Validate(Stream(path: Path.Combine(DataFolder, "a.csv"))));
    }

    private static FileSourceSettings Read(JsonObject config) => FileSourceSettingsReader.Read(new ConnectorConfig(config));

    private static JsonObject Stream(string? path = null, JsonObject? extra = null) =>
        FileSourceHarness.Config("orders", path ?? DataFolder, extra);
}
