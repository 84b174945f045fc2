using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams;
using ConnectorHub.Sdk.Streams.Authentication;

namespace ConnectorHub.Sdk.Manifests;

/// <summary>The manifest's <c>auth</c>: one of the SDK's authenticators, its values taken from the config.</summary>
internal static class ManifestAuth
{
    public static Action<HttpSourceBuilder, JsonObject>? Read(YamlNode? auth)
    {
        if (auth is null)
        {
            return null;
        }

        var type = auth.Required("type").Text();
        ManifestTemplate Value(string key) => ManifestTemplate.Parse(auth.Required(key), "config");
        ManifestTemplate? Maybe(string key) => auth.Optional(key) is { } node ? ManifestTemplate.Parse(node, "config") : null;
        switch (type)
        {
            case "none":
                auth.AllowOnly("type");
                return null;
            case "bearer":
                auth.AllowOnly("type", "token");
                var token = Value("token");
                return (source, config) => source.UseBearerToken(new BearerAuthenticationOptions { Token = token.Render(config) });
            case "basic":
                auth.AllowOnly("type", "username", "password");
                var (user, password) = (Value("username"), Maybe("password"));
                return (source, config) => source.UseBasicAuthentication(new BasicAuthenticationOptions { Username = user.Render(config), Password = password?.Render(config) ?? string.Empty });
            case "api_key":
                auth.AllowOnly("type", "key", "name", "in", "prefix");
                var (key, name) = (Value("key"), auth.Required("name").Text());
                var inQuery = auth.Optional("in")?.Choice(("header", false), ("query", true)) ?? false;
                var prefix = auth.OptionalText("prefix") ?? string.Empty;
                return (source, config) => source.UseApiKey(new ApiKeyAuthenticationOptions { Key = key.Render(config), Name = name, InQuery = inQuery, Prefix = prefix });
            case "oauth_refresh_token":
                auth.AllowOnly("type", "token_endpoint", "client_id", "client_secret", "json_body");
                var (endpoint, id, secret) = (auth.Required("token_endpoint").Text(), Value("client_id"), Value("client_secret"));
                var json = auth.Optional("json_body")?.Bool() ?? false;
                return (source, config) => source.UseOAuthRefreshToken(new OAuthRefreshTokenOptions { TokenEndpoint = endpoint, ClientId = id.Render(config), ClientSecret = secret.Render(config), JsonBody = json });
            case "oauth_client_credentials":
                auth.AllowOnly("type", "token_endpoint", "client_id", "client_secret", "scope");
                var (tokenEndpoint, clientId, clientSecret) = (auth.Required("token_endpoint").Text(), Value("client_id"), Value("client_secret"));
                var scope = auth.OptionalText("scope");
                return (source, config) => source.UseOAuthClientCredentials(new OAuthClientCredentialsOptions { TokenEndpoint = tokenEndpoint, ClientId = clientId.Render(config), ClientSecret = clientSecret.Render(config), Scope = scope });
            default:
                throw auth.Required("type").Error($"auth type '{type}' is not one of none, bearer, basic, api_key, oauth_refresh_token, oauth_client_credentials.");
        }
    }
}
