using ConnectorHub.Host.Demo;
using ConnectorHub.Host.Hosting;

var builder = WebApplication.CreateBuilder(DemoArguments.Expand(args));
builder.AddConnectorHubHost();

var app = builder.Build();
app.MapConnectorHubHost();
app.Run();

/// <summary>The host's entry point (public so tests can start it in process).</summary>
public partial class Program;
