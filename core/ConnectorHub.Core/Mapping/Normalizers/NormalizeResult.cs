using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary>What a normalizer made of a value: a new value, nothing (the value is missing), or an error.</summary>
internal readonly record struct NormalizeResult(JsonNode? Value, string? Error)
{
    public bool Failed => Error is not null;

    public static NormalizeResult Of(JsonNode? value) => new(value, null);

    public static NormalizeResult Of(string value) => new(JsonValue.Create(value), null);

    public static NormalizeResult Missing => default;

    public static NormalizeResult Fail(string error) => new(null, error);
}
