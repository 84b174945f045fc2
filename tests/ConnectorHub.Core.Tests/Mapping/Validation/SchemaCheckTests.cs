using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Validation;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tests.Mapping.Validation;

public class SchemaCheckTests
{
    private static readonly Dictionary<CanonicalEntityType, string> ValidEntities = new()
    {
        [CanonicalEntityType.ProfileFragment] = """
            {"source":"hubspot","record_key":"51","observed_at":"2024-06-01T08:00:00+00:00",
             "identifiers":[{"type":"hubspot.contact_id","value":"51"},{"type":"email","value":"ann@example.com"}],
             "traits":{"first_name":"Ann","email":"ann@example.com","phone":"+14155550132","birthday":"1990-07-04",
               "created_at":"2024-01-05T10:11:12.345+00:00","address":{"city":"London","country":"GB"},"lead_score":42},
             "consent":{"email":true,"sms":null}}
            """,
        [CanonicalEntityType.Event] = """
            {"message_id":"m1","type":"track","name":"Order Completed","user_id":"u1","properties":{"total":12.5},
             "context":{"page":{"url":"https://x.io"},"ip":"1.2.3.4"},"timestamp":"2024-03-05T14:00:00Z"}
            """,
        [CanonicalEntityType.Order] = """
            {"order_id":"o1","source":"square","channel":"in_store","customer_identifiers":[{"type":"square.customer_id","value":"c1"}],
             "status":"completed","currency":"USD","tax":0.00,"total":12.50,
             "line_items":[{"sku":"S1","quantity":2,"unit_price":4.50}],"placed_at":"2024-06-01T08:00:00+00:00"}
            """,
        [CanonicalEntityType.AdPerformance] = """
            {"platform":"meta","account_id":"act_1","campaign_id":"c1","date":"2024-03-05","impressions":1000,"clicks":12,
             "spend":34.56,"currency":"EUR","conversions":1.5}
            """,
        [CanonicalEntityType.Account] = """
            {"account_id":"a1","source":"crm","observed_at":"2024-03-05T14:00:00Z","domain":"acme.io","name":"Acme",
             "members":[{"type":"email","value":"ann@acme.io"}]}
            """,
    };

    private static readonly JsonNode?[] BadValues =
    [
        null, "", " ", "x", "ann@", "+1415", "gb", "2024-13-01", "2024-03-05 14:00", "ACME.IO", "usd",
        42, 42.5, -1, 0, true, new JsonArray(), new JsonObject(), new JsonArray(new JsonObject()), new JsonObject { ["x"] = 1 },
    ];

    [Theory]
    [InlineData(CanonicalEntityType.ProfileFragment)]
    [InlineData(CanonicalEntityType.Event)]
    [InlineData(CanonicalEntityType.Order)]
    [InlineData(CanonicalEntityType.AdPerformance)]
    [InlineData(CanonicalEntityType.Account)]
    public void FastCheck_CompilesEveryCanonicalSchema_AndAcceptsValidEntities(CanonicalEntityType type)
    {
        var check = SchemaCheckBuilder.TryBuild(CanonicalSchemas.Schema(type));
        var entity = JsonNode.Parse(ValidEntities[type])!;

        Assert.NotNull(check);
        Assert.Empty(CanonicalSchemas.Validate(type, entity));
        Assert.True(check.IsCertainlyValid(entity));
    }

    [Theory]
    [InlineData(CanonicalEntityType.ProfileFragment)]
    [InlineData(CanonicalEntityType.Event)]
    [InlineData(CanonicalEntityType.Order)]
    [InlineData(CanonicalEntityType.AdPerformance)]
    [InlineData(CanonicalEntityType.Account)]
    public void FastCheck_NeverPassesAnEntity_ThatTheSchemaValidatorRejects(CanonicalEntityType type)
    {
        var check = SchemaCheckBuilder.TryBuild(CanonicalSchemas.Schema(type))!;
        var valid = JsonNode.Parse(ValidEntities[type])!;
        var tried = 0;

        foreach (var path in Paths(valid).Append("extra").Append("traits.custom"))
        {
            foreach (var bad in BadValues)
            {
                var entity = valid.DeepClone();
                Set(entity, path, bad?.DeepClone());
                tried++;
                if (check.IsCertainlyValid(entity))
                {
                    Assert.True(CanonicalSchemas.Validate(type, entity).Count == 0, $"fast check passed {path} = {bad?.ToJsonString() ?? "null"}");
                }
            }

            var removed = valid.DeepClone();
            Remove(removed, path);
            if (check.IsCertainlyValid(removed))
            {
                Assert.True(CanonicalSchemas.Validate(type, removed).Count == 0, $"fast check passed without {path}");
            }
        }

        Assert.True(tried > 50);
    }

    private static IEnumerable<string> Paths(JsonNode node, string prefix = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                    yield return path;
                    if (value is not null)
                    {
                        foreach (var child in Paths(value, path))
                        {
                            yield return child;
                        }
                    }
                }

                break;
            case JsonArray array when array.Count > 0 && array[0] is { } first:
                foreach (var child in Paths(first, $"{prefix}.0"))
                {
                    yield return child;
                }

                break;
        }
    }

    private static JsonNode? Parent(JsonNode root, string path, out string last)
    {
        var parts = path.Split('.');
        last = parts[^1];
        JsonNode? node = root;
        foreach (var part in parts[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : node?[part];
        }

        return node;
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        switch (Parent(root, path, out var last))
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
                break;
        }
    }

    private static void Remove(JsonNode root, string path)
    {
        if (Parent(root, path, out var last) is JsonObject obj)
        {
            obj.Remove(last);
        }
    }
}
