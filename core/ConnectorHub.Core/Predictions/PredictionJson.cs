using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectorHub.Core.Predictions;

/// <summary>How models' settings, runs' reports and scores' explanations are stored as JSON (camelCase, enums by name).</summary>
internal static class PredictionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Stored JSON '{json}' is null where a {typeof(T).Name} was expected.");

    /// <summary>The value, or null when it is not a finite number (JSON holds no NaN or infinity).</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
