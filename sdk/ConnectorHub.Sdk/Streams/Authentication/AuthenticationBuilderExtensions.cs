namespace ConnectorHub.Sdk.Streams.Authentication;

/// <summary>The builder extensions of the authenticators.</summary>
public static class AuthenticationBuilderExtensions
{
    /// <summary>A bearer token on every request.</summary>
    public static HttpSourceBuilder UseBearerToken(this HttpSourceBuilder source, BearerAuthenticationOptions options) =>
        Checked(source).UseAuthenticator(_ => StaticAuthenticator.Bearer(options));

    /// <summary>An API key in a header or the query.</summary>
    public static HttpSourceBuilder UseApiKey(this HttpSourceBuilder source, ApiKeyAuthenticationOptions options) =>
        Checked(source).UseAuthenticator(_ => StaticAuthenticator.ApiKey(options));

    /// <summary>HTTP basic credentials.</summary>
    public static HttpSourceBuilder UseBasicAuthentication(this HttpSourceBuilder source, BasicAuthenticationOptions options) =>
        Checked(source).UseAuthenticator(_ => StaticAuthenticator.Basic(options));

    /// <summary>OAuth 2 with a refresh token (rotations persisted at once, one refresh at a time).</summary>
    public static HttpSourceBuilder UseOAuthRefreshToken(this HttpSourceBuilder source, OAuthRefreshTokenOptions options) =>
        Checked(source).UseAuthenticator(context => new OAuthRefreshTokenAuthenticator(context, options));

    /// <summary>OAuth 2 client credentials.</summary>
    public static HttpSourceBuilder UseOAuthClientCredentials(this HttpSourceBuilder source, OAuthClientCredentialsOptions options) =>
        Checked(source).UseAuthenticator(context => new OAuthClientCredentialsAuthenticator(context, options));

    /// <summary>A JWT bearer assertion exchanged for an access token (Salesforce, Google service accounts).</summary>
    public static HttpSourceBuilder UseJwtBearer(this HttpSourceBuilder source, JwtBearerOptions options) =>
        Checked(source).UseAuthenticator(context => new JwtBearerAuthenticator(context, options));

    private static HttpSourceBuilder Checked(HttpSourceBuilder source) => source ?? throw new ArgumentNullException(nameof(source));
}
