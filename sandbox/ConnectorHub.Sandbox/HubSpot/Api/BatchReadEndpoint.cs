using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.HubSpot.Errors;
using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot.Api;

/// <summary>
/// <c>POST /crm/v3/objects/{type}/batch/read</c> with <c>{"properties","idProperty","inputs":[{"id"}]}</c>: 200
/// <c>COMPLETE</c>, or 207 with an <c>OBJECT_NOT_FOUND</c> error naming the ids it could not find.
/// </summary>
internal static class BatchReadEndpoint
{
    public static async Task HandleAsync(HttpContext context, HubSpotEmulator emulator, HubSpotObjectStore store)
    {
        if (await HubSpotResponses.ReadObjectAsync(context) is not { } body)
        {
            return;
        }

        var inputs = (body["inputs"] as JsonArray)?.Select(i => i?["id"]?.ToString()).ToArray();
        if (inputs is null || inputs.Length > emulator.Options.MaxBatchInputs)
        {
            await HubSpotResponses.WriteAsync(context, 400, HubSpotErrorBodies.Validation(
                inputs is null ? "inputs is required." : $"Batch input limit is {emulator.Options.MaxBatchInputs}; got {inputs.Length} inputs."));
            return;
        }

        var idProperty = body["idProperty"]?.ToString();
        var archived = body["archived"] is JsonValue a && a.TryGetValue(out bool flag) && flag;
        var requested = (body["properties"] as JsonArray)?.Select(p => p?.ToString() ?? string.Empty) ?? [];
        var properties = ObjectJson.ResolveProperties(store.Type, requested);
        var found = new List<CrmObject>();
        var missing = new List<string>();
        foreach (var input in inputs.OfType<string>())
        {
            var item = string.IsNullOrEmpty(idProperty)
                ? long.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? store.FindById(id) : null
                : store.FindByProperty(idProperty, input);
            if (item is null || item.Archived != archived)
            {
                missing.Add(input);
            }
            else
            {
                found.Add(item);
            }
        }

        var started = CrmObject.FormatTime(emulator.Options.Time.GetUtcNow());
        await HubSpotResponses.WriteAsync(context, missing.Count == 0 ? 200 : 207, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "COMPLETE");
            writer.WriteStartArray("results");
            foreach (var item in found)
            {
                ObjectJson.Write(writer, store.Type, item, properties);
            }

            writer.WriteEndArray();
            if (missing.Count > 0)
            {
                writer.WriteNumber("numErrors", 1);
                writer.WritePropertyName("errors");
                new JsonArray(new JsonObject
                {
                    ["status"] = "error",
                    ["category"] = "OBJECT_NOT_FOUND",
                    ["message"] = $"Could not get some {store.Type.Label} objects, they may be deleted or not exist. Check that ids are valid.",
                    ["context"] = new JsonObject { ["ids"] = new JsonArray(missing.Select(m => (JsonNode)m).ToArray()) },
                }).WriteTo(writer);
            }

            writer.WriteString("startedAt", started);
            writer.WriteString("completedAt", started);
            writer.WriteEndObject();
        });
    }
}
