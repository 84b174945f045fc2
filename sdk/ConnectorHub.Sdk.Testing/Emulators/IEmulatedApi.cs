namespace ConnectorHub.Sdk.Testing.Emulators;

/// <summary>
/// A fake API the kit's checks point a connector at and inject faults into: an <see cref="EmulatorHost"/> (a stateful
/// emulator on Kestrel) or a <see cref="WireMockApi"/> (WireMock.Net stubs).
/// </summary>
public interface IEmulatedApi
{
    /// <summary>The API's base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    Uri BaseAddress { get; }

    /// <summary>Faults to answer to the next matching requests instead of the API (429 storms, 5xx, ...).</summary>
    FaultPlan Faults { get; }
}
