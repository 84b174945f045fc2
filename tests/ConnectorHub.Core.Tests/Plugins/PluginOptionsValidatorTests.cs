using ConnectorHub.Core.Plugins;

namespace ConnectorHub.Core.Tests.Plugins;

public sealed class PluginOptionsValidatorTests
{
    private readonly PluginOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid() => Assert.True(_validator.Validate(null, new PluginOptions()).Succeeded);

    [Fact]
    public void BadSettings_AreEachNamed_WithTheFix()
    {
        var result = _validator.Validate(null, new PluginOptions { Directory = " ", ReloadQuietPeriod = TimeSpan.FromHours(1) });

        Assert.Equal(
            [
                "ConnectorHub:Plugins:Directory is empty; set it to the folder holding one subfolder per plugin (default 'plugins', relative to the hub's folder).",
                "ConnectorHub:Plugins:ReloadQuietPeriod is 01:00:00; use 00:00:00.010 to 00:10:00 (default 00:00:02), long enough for a plugin folder to be copied whole.",
            ],
            result.Failures!);
    }
}
