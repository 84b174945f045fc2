using System.Globalization;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Util;

namespace ConnectorHub.Sdk.Testing.Emulators;

/// <summary>
/// WireMock.Net stubs as a fake API the kit can drive: a WireMock server on 127.0.0.1 whose top-priority mapping
/// answers the <see cref="Faults"/> queued by the kit's checks (429 storms), ahead of the stubs a connector's tests
/// register on <see cref="Server"/>.
/// </summary>
public sealed class WireMockApi : IEmulatedApi, IDisposable
{
    private WireMockApi(WireMockServer server)
    {
        Server = server;
        server.Given(Request.Create().UsingAnyMethod().WithPath(path => Faults.Peek(path, method: null) is not null))
            .AtPriority(int.MinValue)
            .RespondWith(Response.Create().WithCallback(request => Answer(Faults.Take(request.Path, request.Method))));
    }

    /// <summary>The WireMock server: register the API's stubs on it.</summary>
    public WireMockServer Server { get; }

    /// <inheritdoc />
    public Uri BaseAddress => new(Server.Url + "/");

    /// <inheritdoc />
    public FaultPlan Faults { get; } = new();

    /// <summary>
    /// Starts a WireMock server on a free loopback port. It keeps the last <paramref name="requestLogSize"/> requests in
    /// <c>Server.LogEntries</c> (WireMock keeps every one by default, bodies and all, which a 50,000-record stream
    /// would turn into tens of megabytes that the kit's memory check counts against the connector).
    /// </summary>
    public static WireMockApi Start(int requestLogSize = 100) =>
        new(WireMockServer.Start(new WireMock.Settings.WireMockServerSettings { MaxRequestLogCount = requestLogSize }));

    /// <inheritdoc />
    public void Dispose() => Server.Stop();

    private static ResponseMessage Answer(Fault? fault)
    {
        var response = new ResponseMessage { StatusCode = fault?.StatusCode ?? 500 };
        foreach (var (name, value) in fault?.Headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        if (fault?.Body is { } body)
        {
            response.AddHeader("Content-Type", fault.ContentType);
            response.BodyData = new BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String, Encoding = System.Text.Encoding.UTF8 };
        }

        response.AddHeader("X-Fault-Served", (fault is not null).ToString(CultureInfo.InvariantCulture));
        return response;
    }
}
