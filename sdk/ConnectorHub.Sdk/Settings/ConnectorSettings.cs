using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using NJsonSchema.Generation;

namespace ConnectorHub.Sdk.Settings;

/// <summary>
/// Typed settings: one record per connector describes its configuration with attributes (<see cref="SecretAttribute"/>,
/// <see cref="RequiredAttribute"/>, <see cref="RangeAttribute"/>, <see cref="AllowedValuesAttribute"/>,
/// <see cref="DisplayAttribute"/> (the title the dashboard shows), <see cref="System.ComponentModel.DescriptionAttribute"/>,
/// <see cref="System.ComponentModel.DefaultValueAttribute"/>,
/// <see cref="JsonPropertyNameAttribute"/>). The spec's JSON Schema is generated from it with NJsonSchema, and a
/// config is bound and validated once, every message naming the setting.
/// </summary>
public static class ConnectorSettings
{
    // The SDK is shared by the host, so a static cache holding a plugin's settings type keeps an unloaded version of the
    // plugin in memory. Serializer options are made per call and Namotion's reflection caches (under NJsonSchema) are
    // cleared after a generation. Known limit: something else under NJsonSchema's generation still holds the type, so an
    // upgraded plugin with typed settings stays in memory until the hub restarts (docs/operations.md).
    private static JsonSerializerOptions Json() => new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The JSON Schema (draft-07) of <typeparamref name="TSettings"/>, secrets and allowed values marked.</summary>
    public static JsonObject SchemaOf<TSettings>() => SchemaOf(typeof(TSettings));

    /// <summary>The JSON Schema (draft-07) of <paramref name="type"/>, secrets and allowed values marked.</summary>
    public static JsonObject SchemaOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        JsonObject schema;
        try
        {
            var generated = NJsonSchema.JsonSchema.FromType(type, new SystemTextJsonSchemaGeneratorSettings
            {
                SerializerOptions = Json(),
                SchemaType = NJsonSchema.SchemaType.JsonSchema,
                AlwaysAllowAdditionalObjectProperties = true, // stored configs may hold values an older version wrote
                GenerateAbstractProperties = false,
            });
            schema = JsonNode.Parse(generated.ToJson())!.AsObject();
        }
        finally
        {
            Namotion.Reflection.CachedType.ClearCache();
            Namotion.Reflection.XmlDocs.ClearCache();
        }

        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        var properties = schema["properties"] as JsonObject ?? [];
        foreach (var property in SettingProperties(type))
        {
            if (properties[property.Name] is not JsonObject node)
            {
                continue;
            }

            if (property.Info.GetCustomAttribute<DisplayAttribute>()?.GetName() is { Length: > 0 } title)
            {
                node["title"] = title; // the dashboard's label for the setting
            }

            if (property.Info.GetCustomAttribute<SecretAttribute>() is not null)
            {
                node[ConnectorSpec.SecretKeyword] = true;
            }

            if (property.Info.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
            {
                node["enum"] = new JsonArray(allowed.Values.Select(v => JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture))).ToArray<JsonNode?>());
            }
        }

        return schema;
    }

    /// <summary>
    /// Binds <paramref name="config"/> to <typeparamref name="TSettings"/> and validates it (attributes, then
    /// <see cref="IValidatableObject"/> for rules across settings).
    /// </summary>
    /// <exception cref="ConfigurationException">Every problem found, each naming its setting.</exception>
    public static TSettings Bind<TSettings>(ConnectorConfig config)
        where TSettings : class
    {
        var settings = BindWithoutValidation<TSettings>(config);
        var problems = Problems(settings).ToArray();
        return problems.Length == 0
            ? settings
            : throw new ConfigurationException(string.Join(" ", problems) + " Correct the connection's configuration.");
    }

    /// <summary>Binds <paramref name="config"/> without validating it (to describe streams before a config is complete).</summary>
    public static TSettings BindWithoutValidation<TSettings>(ConnectorConfig config)
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            return config.ToJson().Deserialize<TSettings>(Json()) ?? throw new ConfigurationException("The configuration is empty.");
        }
        catch (JsonException ex)
        {
            var name = ex.Path is { Length: > 2 } path ? path[2..] : "(the configuration)";
            var expected = SettingProperties(typeof(TSettings)).Where(p => p.Name == name).Select(p => p.Info.PropertyType).FirstOrDefault();
            throw new ConfigurationException($"The setting '{name}' must be {Describe(expected)}; got {config.GetNode(name)?.ToJsonString() ?? "nothing"}. Correct it in the connection's configuration.", innerException: ex);
        }
    }

    /// <summary>The values of <paramref name="settings"/>' secret settings, for redaction.</summary>
    public static IReadOnlyCollection<string> SecretValues(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SettingProperties(settings.GetType())
            .Where(p => p.Info.GetCustomAttribute<SecretAttribute>() is not null)
            .Select(p => p.Info.GetValue(settings) as string)
            .Where(s => !string.IsNullOrEmpty(s))
            .Select(s => s!)
            .ToArray();
    }

    private static IEnumerable<string> Problems(object settings)
    {
        foreach (var property in SettingProperties(settings.GetType()))
        {
            var value = property.Info.GetValue(settings);
            foreach (var attribute in property.Info.GetCustomAttributes<ValidationAttribute>())
            {
                if ((value is null && attribute is not RequiredAttribute) || attribute.IsValid(value))
                {
                    continue;
                }

                yield return attribute switch
                {
                    RequiredAttribute => $"The setting '{property.Name}' is required.",
                    RangeAttribute range => $"The setting '{property.Name}' must be between {range.Minimum} and {range.Maximum}; got {value}.",
                    AllowedValuesAttribute allowed => $"The setting '{property.Name}' must be one of {string.Join(", ", allowed.Values.Select(v => $"'{v}'"))}; got '{value}'.",
                    _ => attribute.FormatErrorMessage(property.Name),
                };
            }

            if (value is Uri { IsAbsoluteUri: false } relative)
            {
                yield return $"The setting '{property.Name}' must be an absolute URL such as https://example.com/path; got '{relative}'.";
            }
        }

        if (settings is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(settings)))
            {
                yield return result.ErrorMessage ?? "A setting is invalid.";
            }
        }
    }

    private static IEnumerable<(string Name, PropertyInfo Info)> SettingProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, p));

    private static string Describe(Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) ? "a whole number"
            : t == typeof(bool) ? "true or false"
            : t == typeof(Uri) ? "an absolute URL"
            : t == typeof(string) ? "a string"
            : t == typeof(DateTimeOffset) || t == typeof(DateTime) ? "a date and time such as 2024-01-31T00:00:00Z"
            : "a value of the right type";
    }
}
