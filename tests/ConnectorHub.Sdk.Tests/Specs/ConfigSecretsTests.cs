using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Specs;

namespace ConnectorHub.Sdk.Tests.Specs;

public sealed class ConfigSecretsTests
{
    private static readonly ConnectorSpec Spec = new()
    {
        ConfigSchema = JsonNode.Parse("""
            { "type": "object", "properties": {
                "api_key": { "type": "string", "secret": true },
                "refresh_token": { "type": "string", "secret": true },
                "base_url": { "type": "string" } } }
            """)!.AsObject(),
    };

    [Fact]
    public void SecretFields_AreTheOnesTheSpecMarks()
    {
        Assert.Equal(["api_key", "refresh_token"], ConfigSecrets.SecretFields(Spec));
    }

    [Fact]
    public void Masked_HidesEverySecretValue_AndKeepsTheRest()
    {
        var config = new JsonObject { ["api_key"] = "sk-live-123", ["base_url"] = "https://api.example.com" };

        var masked = ConfigSecrets.Masked(Spec, config);

        Assert.Equal(ConfigSecrets.Mask, masked["api_key"]!.GetValue<string>());
        Assert.Equal("https://api.example.com", masked["base_url"]!.GetValue<string>());
        Assert.Null(masked["refresh_token"]);
        Assert.Equal("sk-live-123", config["api_key"]!.GetValue<string>());
    }

    [Fact]
    public void MergeUpdate_KeepsStoredSecrets_WhenTheClientSendsTheMaskOrLeavesThemOut()
    {
        var stored = new JsonObject { ["api_key"] = "sk-old", ["refresh_token"] = "rt-old", ["base_url"] = "https://a" };
        var incoming = new JsonObject { ["api_key"] = ConfigSecrets.Mask, ["base_url"] = "https://b" };

        var merged = ConfigSecrets.MergeUpdate(Spec, stored, incoming);

        Assert.Equal("sk-old", merged["api_key"]!.GetValue<string>());
        Assert.Equal("rt-old", merged["refresh_token"]!.GetValue<string>());
        Assert.Equal("https://b", merged["base_url"]!.GetValue<string>());
    }

    [Fact]
    public void MergeUpdate_ReplacesASecret_WhenTheClientSendsANewValue()
    {
        var merged = ConfigSecrets.MergeUpdate(Spec, new JsonObject { ["api_key"] = "sk-old" }, new JsonObject { ["api_key"] = "sk-new" });

        Assert.Equal("sk-new", merged["api_key"]!.GetValue<string>());
    }
}
