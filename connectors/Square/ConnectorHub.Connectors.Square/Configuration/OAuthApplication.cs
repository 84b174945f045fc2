namespace ConnectorHub.Connectors.Square.Configuration;

/// <summary>An OAuth application that refreshes the connection's tokens.</summary>
/// <param name="ClientId">The application id.</param>
/// <param name="ClientSecret">The application secret.</param>
public sealed record OAuthApplication(string ClientId, string ClientSecret);
