using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Sdk.Testing.Emulators;

/// <summary>Runs one emulator on Kestrel at 127.0.0.1 on a free port.</summary>
public sealed class EmulatorHost : IEmulatedApi, IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseAddress, FaultPlan faults)
    {
        _app = app;
        BaseAddress = baseAddress;
        Faults = faults;
    }

    /// <summary>The emulator's base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Faults to inject into the next matching requests (429 storms, 5xx, dropped tokens, ...).</summary>
    public FaultPlan Faults { get; }

    /// <summary>Starts <paramref name="emulator"/> on <paramref name="port"/> (0 picks a free one).</summary>
    public static async Task<EmulatorHost> StartAsync(IEmulator emulator, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var faults = new FaultPlan();
        app.Use(faults.Middleware);
        emulator.Map(app);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new EmulatorHost(app, new Uri(address.EndsWith('/') ? address : address + "/"), faults);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
