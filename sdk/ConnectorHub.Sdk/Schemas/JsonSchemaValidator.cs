using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ConnectorHub.Sdk.Schemas;

/// <summary>Validates JSON documents against one JSON Schema (draft-07), naming the path of every bad field.</summary>
public sealed class JsonSchemaValidator
{
    private readonly JsonSchema _schema;

    private JsonSchemaValidator(JsonSchema schema) => _schema = schema;

    /// <summary>Parses <paramref name="schemaJson"/>; throws <see cref="ArgumentException"/> naming the problem when it is not a valid schema.</summary>
    public static JsonSchemaValidator FromJson(string schemaJson)
    {
        try
        {
            return new JsonSchemaValidator(JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult());
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new ArgumentException($"Not a valid JSON Schema: {ex.Message}", nameof(schemaJson), ex);
        }
    }

    /// <summary>Creates a validator for a schema held as a JSON object.</summary>
    public static JsonSchemaValidator FromJson(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return FromJson(schema.ToJsonString());
    }

    /// <summary>Every violation of the schema by <paramref name="document"/>; empty when it is valid.</summary>
    public IReadOnlyList<SchemaViolation> Validate(JsonNode? document)
    {
        var errors = _schema.Validate(document?.ToJsonString() ?? "null");
        var violations = new List<SchemaViolation>();
        Flatten(errors, violations);
        return violations;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<SchemaViolation> into)
    {
        foreach (var error in errors)
        {
            // "string or null" fields: report what is wrong for the type the value has, not that no type matched.
            if (error is MultiTypeValidationError multi && multi.Errors.Count > 0)
            {
                var relevant = multi.Errors.Values.SelectMany(e => e).Where(e => !IsTypeMismatch(e.Kind)).ToArray();
                if (relevant.Length > 0)
                {
                    Flatten(relevant, into);
                    continue;
                }
            }

            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // anyOf/oneOf failures: report the branches' errors, which name the real fields.
                foreach (var branch in child.Errors.Values)
                {
                    Flatten(branch, into);
                }

                continue;
            }

            var path = ReadablePath(error.Path);
            var violation = new SchemaViolation(path, Describe(error));
            if (!into.Contains(violation))
            {
                into.Add(violation);
            }
        }
    }

    private static bool IsTypeMismatch(ValidationErrorKind kind) => kind is ValidationErrorKind.StringExpected
        or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.BooleanExpected
        or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.NullExpected;

    private static string ReadablePath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return string.Empty;
        }

        return path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"the required field '{error.Property}' is missing",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"the field '{error.Property}' is not allowed here",
        ValidationErrorKind.StringExpected => "must be a string",
        ValidationErrorKind.NumberExpected => "must be a number",
        ValidationErrorKind.IntegerExpected => "must be an integer",
        ValidationErrorKind.BooleanExpected => "must be true or false",
        ValidationErrorKind.ObjectExpected => "must be an object",
        ValidationErrorKind.ArrayExpected => "must be an array",
        ValidationErrorKind.NotInEnumeration => "is not one of the allowed values",
        ValidationErrorKind.PatternMismatch => "does not have the expected format",
        ValidationErrorKind.DateTimeExpected => "must be a date-time in ISO 8601 with a time zone, such as 2024-03-05T14:00:00Z",
        ValidationErrorKind.DateExpected => "must be a date such as 2024-03-05",
        ValidationErrorKind.EmailExpected => "must be an email address",
        ValidationErrorKind.StringTooShort => "is too short",
        ValidationErrorKind.StringTooLong => "is too long",
        ValidationErrorKind.NumberTooSmall => "is below the minimum",
        ValidationErrorKind.NumberTooBig => "is above the maximum",
        ValidationErrorKind.TooFewItems => "has too few items",
        ValidationErrorKind.TooManyItems => "has too many items",
        ValidationErrorKind.NotAnyOf => "matches none of the allowed shapes",
        ValidationErrorKind.NullExpected => "must be null",
        ValidationErrorKind.NoTypeValidates => "has a type that is not allowed here",
        _ => error.Kind.ToString(),
    };
}
