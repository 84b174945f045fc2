using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>
/// Single-member endpoints under <c>/3.0/lists/{list_id}/members</c>: add (POST, "Member Exists" when present),
/// get, upsert (PUT with <c>status_if_new</c>), update (PATCH), archive (DELETE, 204) and tags (POST, 204).
/// The hash segment also takes the email address itself, as Mailchimp does.
/// </summary>
internal sealed class MemberEndpoints(MailchimpEmulator emulator)
{
    public IResult Add(MailchimpList list, JsonObject body)
    {
        var email = body["email_address"]?.GetValue<string>()?.Trim() ?? string.Empty;
        var status = body["status"]?.GetValue<string>();
        lock (list.Gate)
        {
            if (list.Find(SubscriberHash.Of(email)) is { Status: not "archived" })
            {
                return MailchimpProblem.Result(400, "Member Exists", $"{email} is already a list member. Use PUT to insert or update list members.");
            }

            return Validate(list, email, status, body["merge_fields"] as JsonObject, isNew: true)
                ?? Create(list, email, status!, body);
        }
    }

    public IResult Get(MailchimpList list, string hash)
    {
        lock (list.Gate)
        {
            return list.Find(Hash(hash)) is { } member ? Results.Json(member.ToJson(list.Id, emulator.DataCenter)) : MailchimpProblem.NotFound();
        }
    }

    public IResult Put(MailchimpList list, string hash, JsonObject body)
    {
        var email = body["email_address"]?.GetValue<string>()?.Trim() ?? string.Empty;
        var status = body["status"]?.GetValue<string>();
        var merge = body["merge_fields"] as JsonObject;
        lock (list.Gate)
        {
            if (list.Find(Hash(hash)) is { Status: not "archived" } member)
            {
                return Update(list, member, status, merge, body);
            }

            if (SubscriberHash.Of(email) != Hash(hash))
            {
                return MailchimpProblem.Invalid([("email_address", "The subscriber hash in the URL does not match the email address.")]);
            }

            var initial = status ?? body["status_if_new"]?.GetValue<string>();
            return Validate(list, email, initial, merge, isNew: true) ?? Create(list, email, initial!, body);
        }
    }

    public IResult Patch(MailchimpList list, string hash, JsonObject body)
    {
        lock (list.Gate)
        {
            return list.Find(Hash(hash)) is { Status: not "archived" } member
                ? Update(list, member, body["status"]?.GetValue<string>(), body["merge_fields"] as JsonObject, body)
                : MailchimpProblem.NotFound();
        }
    }

    public IResult Archive(MailchimpList list, string hash)
    {
        lock (list.Gate)
        {
            if (list.Find(Hash(hash)) is not { Status: not "archived" } member)
            {
                return MailchimpProblem.NotFound();
            }

            MemberRules.Apply(member, "archived", null, null, replaceTags: false, emulator.Time.GetUtcNow());
            return Results.NoContent();
        }
    }

    public IResult Tags(MailchimpList list, string hash, JsonObject body)
    {
        lock (list.Gate)
        {
            if (list.Find(Hash(hash)) is not { Status: not "archived" } member)
            {
                return MailchimpProblem.NotFound();
            }

            foreach (var tag in (body["tags"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var name = tag["name"]?.GetValue<string>() ?? string.Empty;
                _ = string.Equals(tag["status"]?.GetValue<string>(), "inactive", StringComparison.OrdinalIgnoreCase) ? member.Tags.Remove(name) : name.Length > 0 && member.Tags.Add(name);
            }

            member.LastChanged = emulator.Time.GetUtcNow();
            return Results.NoContent();
        }
    }

    private IResult? Validate(MailchimpList list, string email, string? status, JsonObject? merge, bool isNew)
    {
        if (MemberRules.EmailProblem(email, emulator.FakeDomains) is { } fake)
        {
            return MailchimpProblem.Result(400, "Invalid Resource", fake);
        }

        if (MemberRules.StatusProblem(status) is { } badStatus)
        {
            return MailchimpProblem.Invalid([(isNew ? "status_if_new" : "status", badStatus)]);
        }

        return MemberRules.MergeProblems(list, merge, isNew, skipValidation: false) is { Count: > 0 } problems
            ? MailchimpProblem.Result(400, "Invalid Resource", "Your merge fields were invalid.", problems)
            : null;
    }

    private IResult Create(MailchimpList list, string email, string status, JsonObject body)
    {
        var member = list.Add(email, status, emulator.Time.GetUtcNow());
        MemberRules.ApplyDetails(member, body);
        MemberRules.Apply(member, status, body["merge_fields"] as JsonObject, MemberRules.TagNames(body["tags"]), replaceTags: false, emulator.Time.GetUtcNow());
        return Results.Json(member.ToJson(list.Id, emulator.DataCenter));
    }

    private IResult Update(MailchimpList list, MailchimpMember member, string? status, JsonObject? merge, JsonObject body)
    {
        if (status is not null && MemberRules.StatusProblem(status) is { } badStatus)
        {
            return MailchimpProblem.Invalid([("status", badStatus)]);
        }

        if (MemberRules.ComplianceProblem(member, status) is { } compliance)
        {
            return MailchimpProblem.Result(400, "Member In Compliance State", compliance);
        }

        if (MemberRules.MergeProblems(list, merge, isNew: false, skipValidation: false) is { Count: > 0 } problems)
        {
            return MailchimpProblem.Result(400, "Invalid Resource", "Your merge fields were invalid.", problems);
        }

        MemberRules.ApplyDetails(member, body);
        MemberRules.Apply(member, status, merge, null, replaceTags: false, emulator.Time.GetUtcNow());
        return Results.Json(member.ToJson(list.Id, emulator.DataCenter));
    }

    private static string Hash(string segment) => segment.Contains('@', StringComparison.Ordinal) ? SubscriberHash.Of(segment) : segment.ToLowerInvariant();
}
