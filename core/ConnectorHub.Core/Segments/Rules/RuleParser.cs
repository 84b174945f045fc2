using System.Text.Json;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Segments.Rules;

/// <summary>
/// Reads a rule tree from JSON, collecting every problem under the JSON path of the bad node
/// (<c>$.all[1].count: ...</c>), so a client can point at it. The node shapes are documented in docs/segments.md.
/// </summary>
public static partial class RuleParser
{
    private const int MaxDepth = 32;

    private static readonly string[] Kinds = ["all", "any", "not", "trait", "computedTrait", "identifier", "consent", "event", "orders", "segment"];

    /// <summary>Parses <paramref name="json"/>; throws a <see cref="HubValidationException"/> naming each bad node.</summary>
    public static RuleNode Parse(JsonElement json, string root = "$")
    {
        var errors = new ValidationErrors();
        var node = Node(json, root, errors, 0);
        errors.ThrowIfAny();
        return node!;
    }

    /// <summary>Parses JSON text; see <see cref="Parse(JsonElement, string)"/>.</summary>
    public static RuleNode Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new HubValidationException("$", $"The rule is not valid JSON: {ex.Message}");
        }
    }

    private static RuleNode? Node(JsonElement json, string path, ValidationErrors errors, int depth)
    {
        if (depth > MaxDepth)
        {
            errors.Add(path, $"The rule is nested deeper than {MaxDepth} levels; flatten it.");
            return null;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "Expected a rule object such as {\"trait\":\"plan\",\"op\":\"equals\",\"value\":\"gold\"} or {\"all\":[...]}.");
            return null;
        }

        var kinds = json.EnumerateObject().Select(p => p.Name).Where(Kinds.Contains).ToArray();
        if (kinds.Length != 1)
        {
            errors.Add(path, kinds.Length == 0
                ? $"Unknown rule: give exactly one of {string.Join(", ", Kinds)}."
                : $"A rule has exactly one kind, but this one has {string.Join(" and ", kinds)}; nest them in \"all\" or \"any\".");
            return null;
        }

        var value = json.GetProperty(kinds[0]);
        return kinds[0] switch
        {
            "all" => Group(json, value, path, errors, depth, children => new AllRule(children)),
            "any" => Group(json, value, path, errors, depth, children => new AnyRule(children)),
            "not" => Only(json, path, errors, "not") && Node(value, path + ".not", errors, depth + 1) is { } inner ? new NotRule(inner) : null,
            "trait" => Trait(json, path, errors),
            "computedTrait" => ComputedTrait(json, path, errors),
            "identifier" => Only(json, path, errors, "identifier") && Name(value, path + ".identifier", errors) is { } type ? new IdentifierPresentRule(type) : null,
            "consent" => Consent(json, path, errors),
            "event" => Event(json, path, errors),
            "orders" => Orders(json, path, errors),
            _ => Segment(json, value, path, errors),
        };
    }

    private static RuleNode? Group(JsonElement json, JsonElement value, string path, ValidationErrors errors, int depth, Func<IReadOnlyList<RuleNode>, RuleNode> create)
    {
        var kind = create([]) is AllRule ? "all" : "any";
        if (!Only(json, path, errors, kind))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            errors.Add(path + "." + kind, "Expected a non-empty array of rules.");
            return null;
        }

        var children = value.EnumerateArray().Select((child, i) => Node(child, $"{path}.{kind}[{i}]", errors, depth + 1)).ToArray();
        return children.All(c => c is not null) ? create(children!) : null;
    }

    private static RuleNode? Segment(JsonElement json, JsonElement value, string path, ValidationErrors errors)
    {
        if (!Only(json, path, errors, "segment"))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id) && id > 0)
        {
            return new SegmentMembershipRule(id);
        }

        errors.Add(path + ".segment", "Expected the id of another segment (a positive integer).");
        return null;
    }

    private static RuleNode? Consent(JsonElement json, string path, ValidationErrors errors)
    {
        if (!Only(json, path, errors, "consent", "granted"))
        {
            return null;
        }

        var channel = json.GetProperty("consent");
        var granted = true;
        if (json.TryGetProperty("granted", out var flag))
        {
            if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(path + ".granted", "Expected true (consent given) or false (consent refused).");
                return null;
            }

            granted = flag.GetBoolean();
        }

        if (channel.ValueKind == JsonValueKind.String && channel.GetString() is "email" or "sms" or "ads")
        {
            return new ConsentRule(channel.GetString()!, granted);
        }

        errors.Add(path + ".consent", "Expected a consent channel: \"email\", \"sms\" or \"ads\".");
        return null;
    }

    /// <summary>Records an error for each property of <paramref name="json"/> not in <paramref name="allowed"/>; false if any.</summary>
    private static bool Only(JsonElement json, string path, ValidationErrors errors, params string[] allowed)
    {
        var ok = true;
        foreach (var property in json.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors.Add($"{path}.{property.Name}", $"Unknown property; this rule takes {string.Join(", ", allowed)}.");
            ok = false;
        }

        return ok;
    }

    private static string? Name(JsonElement value, string path, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 200 } name)
        {
            return name;
        }

        errors.Add(path, "Expected a non-empty name (text, at most 200 characters).");
        return null;
    }
}
