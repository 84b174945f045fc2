using Microsoft.AspNetCore.Builder;

namespace ConnectorHub.Sdk.Testing.Emulators;

/// <summary>An emulated external API: maps the real API's routes onto a web app.</summary>
public interface IEmulator
{
    /// <summary>A short name for logs (for example <c>hubspot</c>).</summary>
    string Name { get; }

    /// <summary>Maps the API's endpoints.</summary>
    void Map(WebApplication app);
}
