using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square;

/// <summary>A request the emulator answered (after authentication), for tests to inspect what a client sent.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, such as <c>/v2/orders/search</c>.</param>
/// <param name="Query">The query string (with its <c>?</c>), or empty.</param>
/// <param name="Body">The JSON body, when there was one.</param>
/// <param name="SquareVersion">The <c>Square-Version</c> header sent, if any.</param>
public sealed record SquareRequestRecord(string Method, string Path, string Query, JsonNode? Body, string? SquareVersion);
