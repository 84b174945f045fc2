using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Tests.Connectors;

public sealed class ConnectorConfigTests
{
    [Fact]
    public void GetRequiredString_NamesTheMissingSetting()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConnectorConfig.Empty.GetRequiredString("api_key"));

        Assert.Contains("'api_key' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInt32_ReadsNumbersAndNumericStrings_AndRejectsOtherTypes()
    {
        var config = new ConnectorConfig(new JsonObject { ["a"] = 5, ["b"] = "7", ["c"] = new JsonArray() });

        Assert.Equal(5, config.GetInt32("a", 0));
        Assert.Equal(7, config.GetInt32("b", 0));
        Assert.Equal(9, config.GetInt32("missing", 9));
        Assert.Contains("'c' must be an integer", Assert.Throws<ConfigurationException>(() => config.GetInt32("c", 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInt32_ReadsWholeNumbersHeldAsLongOrDouble_AndRejectsFractionsAndOverflow()
    {
        var config = new ConnectorConfig(new JsonObject { ["long"] = 50L, ["double"] = 60.0, ["fraction"] = 1.5, ["huge"] = 1L << 40 });

        Assert.Equal(50, config.GetInt32("long", 0));
        Assert.Equal(60, config.GetInt32("double", 0));
        Assert.Throws<ConfigurationException>(() => config.GetInt32("fraction", 0));
        Assert.Throws<ConfigurationException>(() => config.GetInt32("huge", 0));
    }

    [Fact]
    public void GetUri_RejectsARelativeUrl_WithAnExample()
    {
        var config = new ConnectorConfig(new JsonObject { ["url"] = "example.com/hook" });

        var error = Assert.Throws<ConfigurationException>(() => config.GetUri("url"));

        Assert.Contains("absolute URL such as https://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ReturnsACopy_LeavingTheOriginalUnchanged()
    {
        var original = new ConnectorConfig(new JsonObject { ["refresh_token"] = "old" });

        var rotated = original.With("refresh_token", "new");

        Assert.Equal("old", original.GetString("refresh_token"));
        Assert.Equal("new", rotated.GetString("refresh_token"));
    }

    [Fact]
    public void Constructor_CopiesTheValues_SoLaterChangesAreNotSeen()
    {
        var values = new JsonObject { ["a"] = "1" };
        var config = new ConnectorConfig(values);

        values["a"] = "2";

        Assert.Equal("1", config.GetString("a"));
    }
}
