using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>
/// <c>POST /3.0/lists/{list_id}</c>: subscribes or updates up to 500 members and answers 200 even when some fail,
/// listing them in <c>errors[]</c> (<c>email_address, error, error_code, field, field_message</c>).
/// </summary>
internal static class BatchSubscribe
{
    public const int MaxMembers = 500;

    public static IResult Handle(MailchimpEmulator emulator, MailchimpList list, JsonObject body, bool skipMergeValidation, bool skipDuplicateCheck)
    {
        if (body["members"] is not JsonArray members || members.Count > MaxMembers)
        {
            return MailchimpProblem.Invalid([("members", $"Schema describes array, between 1 and {MaxMembers} members are required.")]);
        }

        var updateExisting = body["update_existing"] is JsonValue u && u.GetValueKind() == JsonValueKind.True;
        var syncTags = body["sync_tags"] is JsonValue s && s.GetValueKind() == JsonValueKind.True;
        var created = new JsonArray();
        var updated = new JsonArray();
        var errors = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var now = emulator.Time.GetUtcNow();
        lock (list.Gate)
        {
            foreach (var item in members.OfType<JsonObject>())
            {
                var email = item["email_address"]?.GetValue<string>()?.Trim() ?? string.Empty;
                var status = item["status"]?.GetValue<string>();
                var merge = item["merge_fields"] as JsonObject;
                var existing = list.Find(SubscriberHash.Of(email)) is { Status: not "archived" } found ? found : null;
                var problem = EmailOrStatusProblem(emulator, email, status)
                    ?? (!seen.Add(SubscriberHash.Of(email)) && !skipDuplicateCheck ? Error(email, $"{email} was included more than once in this request.") : null)
                    ?? (existing is not null && !updateExisting ? Error(email, $"{email} is already a list member. Use PUT to insert or update list members.", "ERROR_CONTACT_EXISTS") : null)
                    ?? MergeProblem(list, email, merge, existing is null, skipMergeValidation)
                    ?? (existing is null ? null : MemberRules.ComplianceProblem(existing, status) is { } compliance ? Error(email, compliance) : null);
                if (problem is not null)
                {
                    errors.Add(problem);
                    continue;
                }

                var member = existing ?? list.Add(email, status!, now);
                MemberRules.ApplyDetails(member, item);
                MemberRules.Apply(member, status, merge, MemberRules.TagNames(item["tags"]), replaceTags: existing is not null && syncTags, now);
                (existing is null ? created : updated).Add(member.ToJson(list.Id, emulator.DataCenter));
            }
        }

        return Results.Json(new JsonObject
        {
            ["new_members"] = created,
            ["updated_members"] = updated,
            ["errors"] = errors,
            ["total_created"] = created.Count,
            ["total_updated"] = updated.Count,
            ["error_count"] = errors.Count,
            ["_links"] = MailchimpLinks.ForList(emulator.DataCenter, list.Id),
        });
    }

    private static JsonObject? EmailOrStatusProblem(MailchimpEmulator emulator, string email, string? status) =>
        MemberRules.EmailProblem(email, emulator.FakeDomains) is { } bad ? Error(email, bad, field: "email_address", fieldMessage: bad)
        : MemberRules.StatusProblem(status) is { } badStatus ? Error(email, badStatus, field: "status", fieldMessage: badStatus)
        : null;

    private static JsonObject? MergeProblem(MailchimpList list, string email, JsonObject? merge, bool isNew, bool skip) =>
        MemberRules.MergeProblems(list, merge, isNew, skip) is [var first, ..]
            ? Error(email, "Your merge fields were invalid.", field: first.Field, fieldMessage: first.Message)
            : null;

    private static JsonObject Error(string email, string error, string code = "ERROR_GENERIC", string field = "", string fieldMessage = "") => new()
    {
        ["email_address"] = email,
        ["error"] = error,
        ["error_code"] = code,
        ["field"] = field,
        ["field_message"] = fieldMessage,
    };
}
