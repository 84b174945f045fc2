using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>
/// What Mailchimp checks when members are written: a real-looking email, a known status, merge fields that exist
/// (and required ones for new members), and no re-subscribing of members in a compliance state.
/// </summary>
internal static partial class MemberRules
{
    public static readonly HashSet<string> Statuses = new(StringComparer.Ordinal) { "subscribed", "unsubscribed", "cleaned", "pending", "transactional" };

    public static string? EmailProblem(string? email, IReadOnlySet<string> fakeDomains)
    {
        var trimmed = email?.Trim() ?? string.Empty;
        var at = trimmed.LastIndexOf('@');
        var fake = !EmailShape().IsMatch(trimmed) || fakeDomains.Contains(trimmed[(at + 1)..].ToLowerInvariant());
        return fake ? $"{trimmed} looks fake or invalid, please enter a real email address." : null;
    }

    public static string? StatusProblem(string? status) =>
        status is not null && Statuses.Contains(status) ? null : $"Invalid status '{status}': use subscribed, unsubscribed, cleaned, pending or transactional.";

    /// <summary>Unknown merge tags always; for new members without skip_merge_validation, missing required ones.</summary>
    public static List<(string Field, string Message)> MergeProblems(MailchimpList list, JsonObject? values, bool isNew, bool skipValidation)
    {
        var problems = new List<(string, string)>();
        var fields = list.MergeFields.ToDictionary(f => f.Tag, StringComparer.OrdinalIgnoreCase);
        foreach (var (tag, value) in values ?? [])
        {
            if (!fields.TryGetValue(tag, out var field))
            {
                problems.Add(($"merge_fields.{tag}", $"Merge field \"{tag}\" does not exist on this list."));
            }
            else if (field.Type == "number" && value is JsonValue v && v.GetValueKind() == JsonValueKind.String && !double.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                problems.Add(($"merge_fields.{tag}", "Please enter a number"));
            }
        }

        if (isNew && !skipValidation)
        {
            problems.AddRange(list.MergeFields
                .Where(f => f.Required && (values?[f.Tag] is null || values[f.Tag]!.ToJsonString() is "\"\""))
                .Select(f => ($"merge_fields.{f.Tag}", "Please enter a value")));
        }

        return problems;
    }

    /// <summary>Mailchimp refuses to (re)subscribe someone who unsubscribed or bounced; they must opt in again.</summary>
    public static string? ComplianceProblem(MailchimpMember member, string? newStatus) =>
        newStatus == "subscribed" && member.Status is "unsubscribed" or "cleaned" || newStatus == "pending" && member.Status == "cleaned"
            ? $"{member.Email} is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed."
            : null;

    public static void Apply(MailchimpMember member, string? status, JsonObject? mergeFields, IEnumerable<string>? tags, bool replaceTags, DateTimeOffset now)
    {
        member.Status = status ?? member.Status;
        if (member.Status == "subscribed" && member.TimestampOpt is null)
        {
            member.TimestampOpt = now;
        }

        foreach (var (tag, value) in mergeFields ?? [])
        {
            member.MergeFields[tag.ToUpperInvariant()] = value?.DeepClone();
        }

        if (replaceTags)
        {
            member.Tags.Clear();
        }

        member.Tags.UnionWith(tags ?? []);
        member.LastChanged = now;
    }

    /// <summary>
    /// The member fields a write may set besides status, merge fields and tags: <c>email_type</c>, <c>language</c>,
    /// <c>vip</c>, <c>location</c> (latitude, longitude), <c>ip_signup</c>, <c>timestamp_signup</c>, <c>ip_opt</c>,
    /// <c>timestamp_opt</c>. Those absent keep their value.
    /// </summary>
    public static void ApplyDetails(MailchimpMember member, JsonObject body)
    {
        member.EmailType = Text(body["email_type"]) is "text" or "html" ? Text(body["email_type"])! : member.EmailType;
        member.Language = Text(body["language"]) ?? member.Language;
        member.Vip = body["vip"] is JsonValue vip && vip.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? vip.GetValue<bool>() : member.Vip;
        member.IpSignup = Text(body["ip_signup"]) ?? member.IpSignup;
        member.TimestampSignup = MailchimpTime.Parse(Text(body["timestamp_signup"])) ?? member.TimestampSignup;
        member.IpOpt = Text(body["ip_opt"]) ?? member.IpOpt;
        member.TimestampOpt = MailchimpTime.Parse(Text(body["timestamp_opt"])) ?? member.TimestampOpt;
        if (body["location"] is JsonObject location && Number(location["latitude"]) is { } latitude && Number(location["longitude"]) is { } longitude)
        {
            member.Location = (latitude, longitude);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    /// <summary>Tag names from <c>["a","b"]</c> or <c>[{"name":"a"}]</c>.</summary>
    public static IEnumerable<string> TagNames(JsonNode? tags) => (tags as JsonArray ?? [])
        .Select(t => t is JsonObject o ? o["name"]?.GetValue<string>() : t?.GetValue<string>())
        .OfType<string>()
        .Where(t => t.Length > 0);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailShape();
}
