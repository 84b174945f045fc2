using ConnectorHub.Host.Demo;
using Microsoft.Extensions.Configuration;

namespace ConnectorHub.Host.Tests.Demo;

public sealed class DemoArgumentsTests
{
    [Fact]
    public void DemoSwitch_TurnsDemoModeOn_WithoutSwallowingTheNextArgument()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(DemoArguments.Expand(["--demo", "--urls", "http://127.0.0.1:5080"])).Build();

        Assert.True(DemoOptions.IsEnabled(configuration));
        Assert.Equal("http://127.0.0.1:5080", configuration["urls"]);
    }

    [Fact]
    public void WithoutTheSwitch_DemoModeIsOff()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(DemoArguments.Expand(["--urls", "http://127.0.0.1:5080"])).Build();

        Assert.False(DemoOptions.IsEnabled(configuration));
    }
}
