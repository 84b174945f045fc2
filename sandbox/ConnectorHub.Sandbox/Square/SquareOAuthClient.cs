namespace ConnectorHub.Sandbox.Square;

/// <summary>An OAuth application registered with the emulator: its id and secret.</summary>
/// <param name="ClientId">The application id (<c>sq0idp-...</c>).</param>
/// <param name="ClientSecret">The application secret (<c>sq0csp-...</c>).</param>
public sealed record SquareOAuthClient(string ClientId, string ClientSecret);
