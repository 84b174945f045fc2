namespace ConnectorHub.Sdk.Http.OAuth;

/// <summary>What a token endpoint returned.</summary>
/// <param name="AccessToken">The new access token.</param>
/// <param name="RefreshToken">The new refresh token when the provider rotates it, else null.</param>
/// <param name="ExpiresIn">The access token's lifetime when the provider says.</param>
public sealed record OAuthTokens(string AccessToken, string? RefreshToken, TimeSpan? ExpiresIn);
