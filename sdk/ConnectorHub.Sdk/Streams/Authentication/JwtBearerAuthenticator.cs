using System.Security.Cryptography;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectorHub.Sdk.Streams.Authentication;

/// <summary>
/// Options of the JWT bearer assertion grant (RFC 7523): Salesforce's server-to-server flow, Google service accounts.
/// A short-lived JWT signed with the app's private key is exchanged for an access token.
/// </summary>
public sealed record JwtBearerOptions
{
    /// <summary>The token endpoint (relative to the base address, or absolute).</summary>
    public required string TokenEndpoint { get; init; }

    /// <summary>The JWT's issuer (<c>iss</c>): the client id, or the service account's email.</summary>
    public required string Issuer { get; init; }

    /// <summary>The JWT's subject (<c>sub</c>): the user to act as; null for none.</summary>
    public string? Subject { get; init; }

    /// <summary>The JWT's audience (<c>aud</c>): the authorization server.</summary>
    public required string Audience { get; init; }

    /// <summary>The RSA private key in PEM (PKCS#8 or PKCS#1).</summary>
    public required string PrivateKeyPem { get; init; }

    /// <summary>Scopes (Google's <c>scope</c> claim), space-separated; null for none.</summary>
    public string? Scope { get; init; }

    /// <summary>The assertion's lifetime.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>JWT bearer assertion: signs an RS256 assertion with the private key and exchanges it for an access token.</summary>
public sealed class JwtBearerAuthenticator(AuthenticationContext context, JwtBearerOptions options) : CachedTokenAuthenticator(context)
{
    private readonly AuthenticationContext _context = context;

    /// <summary>The signed assertion for <paramref name="now"/> (exposed for tests and debugging).</summary>
    public string CreateAssertion(DateTimeOffset now)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(options.PrivateKeyPem);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"The private key for {_context.Platform}'s JWT bearer grant is not an RSA key in PEM: {ex.Message} Paste the whole key, BEGIN and END lines included.", innerException: ex);
        }

        var claims = new Dictionary<string, object> { ["iss"] = options.Issuer, ["aud"] = options.Audience };
        if (options.Subject is not null)
        {
            claims["sub"] = options.Subject;
        }

        if (options.Scope is not null)
        {
            claims["scope"] = options.Scope;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + options.Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)), SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <inheritdoc />
    protected override Task<(string AccessToken, string? RefreshToken, TimeSpan? ExpiresIn)> RequestTokenAsync(ConnectorHttpClient endpoint, CancellationToken cancellationToken)
    {
        var grant = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = CreateAssertion(_context.Connector.Time.GetUtcNow()),
        };
        return TokenResponse.RequestAsync(endpoint, options.TokenEndpoint, grant, json: false, cancellationToken);
    }
}
