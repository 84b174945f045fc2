using System.Text.Json.Nodes;
using ConnectorHub.Host.Dashboard.Forms;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Host.Tests.Dashboard;

public sealed class SchemaFormNumbersTests
{
    private static readonly ConnectorSpec Spec = new()
    {
        ConfigSchema = JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "page_size": { "type": "integer" },
                "ratio": { "type": "number" }
              }
            }
            """)!.AsObject(),
    };

    [Fact]
    public void Read_GivesNumbers_AConnectorReadsAsTheAPIWouldHaveSentThem()
    {
        var posted = new Dictionary<string, string> { ["config.page_size"] = "100", ["config.ratio"] = "0.25" };

        var config = SchemaForm.Read(SchemaForm.Fields(Spec), k => posted.GetValueOrDefault(k), new Dictionary<string, string>());

        Assert.Equal(100, new ConnectorConfig(config).GetInt32("page_size", 0));
        Assert.Equal(0.25, config["ratio"]!.GetValue<double>());
    }
}
