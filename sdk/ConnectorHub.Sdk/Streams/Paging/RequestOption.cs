using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Records;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>Where a value goes in a request.</summary>
public enum RequestLocation
{
    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A header.</summary>
    Header,

    /// <summary>A field of the JSON body (a dotted path creates objects on the way).</summary>
    Body,
}

/// <summary>A named place in a request to put a value in (a page token, a page size, a date).</summary>
/// <param name="Name">The parameter, header or body field name.</param>
/// <param name="Location">Where it goes.</param>
public sealed record RequestOption(string Name, RequestLocation Location = RequestLocation.Query)
{
    /// <summary>A query parameter.</summary>
    public static RequestOption InQuery(string name) => new(name, RequestLocation.Query);

    /// <summary>A field of the JSON body.</summary>
    public static RequestOption InBody(string name) => new(name, RequestLocation.Body);

    /// <summary>A header.</summary>
    public static RequestOption InHeader(string name) => new(name, RequestLocation.Header);

    /// <summary>Puts <paramref name="value"/> into <paramref name="request"/>.</summary>
    public void Apply(PageRequest request, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(value);
        var text = value is JsonValue v && v.TryGetValue(out string? s) ? s : value.ToJsonString();
        switch (Location)
        {
            case RequestLocation.Query:
                request.Query[Name] = text;
                break;
            case RequestLocation.Header:
                request.Headers[Name] = text;
                break;
            default:
                request.Body ??= new JsonObject();
                FieldPath.Parse(Name).Set(request.Body, value.DeepClone());
                break;
        }
    }
}
