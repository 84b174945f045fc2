using System.Text.Json;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Core.Runner;

/// <summary>Why a run failed, classified, in words an admin can act on.</summary>
internal sealed record RunFailure(ErrorCategory Category, string Message, string? Stream, string? FailedRequestJson)
{
    public static RunFailure From(Exception exception, string? stream) => exception switch
    {
        ConnectorException connector => new(connector.Category, connector.Message, stream,
            connector.FailedRequest is null ? null : JsonSerializer.Serialize(connector.FailedRequest, JsonSerializerOptions.Web)),
        _ => new(ErrorCategory.Internal, $"{exception.GetType().Name}: {exception.Message}", stream, null),
    };
}
