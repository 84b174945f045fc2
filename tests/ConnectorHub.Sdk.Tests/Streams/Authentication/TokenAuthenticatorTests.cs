using System.Security.Cryptography;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams;
using ConnectorHub.Sdk.Streams.Authentication;
using ConnectorHub.Sdk.Tests.Streams.Reading;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ConnectorHub.Sdk.Tests.Streams.Authentication;

public sealed class TokenAuthenticatorTests : IDisposable
{
    private readonly StubApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task ClientCredentials_AsksForOneToken_ForEveryStreamOfTheCall_AndAgainAfterA401()
    {
        _api.Server.Given(Request.Create().WithPath("/oauth/token").UsingPost()).RespondWith(Response.Create().WithCallback(_ => new WireMock.ResponseMessage
        {
            StatusCode = 200,
            BodyData = new WireMock.Util.BodyData { BodyAsJson = new { access_token = $"at-{Guid.NewGuid():N}", expires_in = 3600 }, DetectedBodyType = WireMock.Types.BodyType.Json },
        }));
        _api.Server.Given(Request.Create().WithPath("/a").UsingGet()).RespondWith(Response.Create().WithBody("""[{"id":"1"}]"""));
        _api.Server.Given(Request.Create().WithPath("/b").UsingGet()).InScenario("expiry").WillSetStateTo("expired")
            .RespondWith(Response.Create().WithStatusCode(401));
        _api.Server.Given(Request.Create().WithPath("/b").UsingGet()).InScenario("expiry").WhenStateIs("expired")
            .RespondWith(Response.Create().WithBody("""[{"id":"2"}]"""));
        var source = new StubSource(s => new HttpSourceBuilder("M2M", s.BaseUrl)
            .UseOAuthClientCredentials(new OAuthClientCredentialsOptions { TokenEndpoint = "oauth/token", ClientId = "app", ClientSecret = "s3cret-value" })
            .AddStream("a", stream => stream.Get("a").WithPrimaryKey("id"))
            .AddStream("b", stream => stream.Get("b").WithPrimaryKey("id")));

        var read = await Testing.Reading.SourceReader.ReadAsync(source, _api.Context(), Testing.Reading.SourceReader.Request(SyncMode.FullRefresh, ["a", "b"]));

        Assert.Equal(["1", "2"], read.Records.Select(r => r.Data["id"]!.GetValue<string>()));
        var grants = _api.Server.LogEntries.Where(e => e.RequestMessage.Path == "/oauth/token").ToArray();
        Assert.Equal(2, grants.Length);
        Assert.Contains("grant_type=client_credentials", grants[0].RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JwtBearer_SignsAnRs256Assertion_ThatTheAppsPublicKeyVerifies()
    {
        using var rsa = RSA.Create(2048);
        var options = new JwtBearerOptions
        {
            TokenEndpoint = "services/oauth2/token",
            Issuer = "3MVG9-client-id",
            Subject = "integration@example.com",
            Audience = "https://login.salesforce.com",
            PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(),
        };
        using var authenticator = new JwtBearerAuthenticator(TestAuthentication.Context(_api), options);
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var assertion = authenticator.CreateAssertion(now);

        var token = new JsonWebToken(assertion);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(("3MVG9-client-id", "integration@example.com", "https://login.salesforce.com"), (token.Issuer, token.Subject, token.Audiences.Single()));
        Assert.Equal(now.AddMinutes(5).UtcDateTime, token.ValidTo);
        var verified = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(rsa.ExportParameters(false)),
            ValidIssuer = "3MVG9-client-id",
            ValidAudience = "https://login.salesforce.com",
            ValidateLifetime = false,
        });
        Assert.True(verified.IsValid, verified.Exception?.Message);
    }

    [Fact]
    public void JwtBearer_WithAKeyThatIsNotPem_IsAConfigurationError()
    {
        using var authenticator = new JwtBearerAuthenticator(TestAuthentication.Context(_api), new JwtBearerOptions { TokenEndpoint = "t", Issuer = "i", Audience = "a", PrivateKeyPem = "not a key" });

        var failure = Assert.Throws<Errors.ConfigurationException>(() => authenticator.CreateAssertion(DateTimeOffset.UnixEpoch));

        Assert.Contains("not an RSA key in PEM", failure.Message, StringComparison.Ordinal);
    }
}
