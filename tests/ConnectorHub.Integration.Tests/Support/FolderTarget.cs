using System.Text.Json.Nodes;

namespace ConnectorHub.Integration.Tests.Support;

/// <summary>Reads what the folder test destination holds.</summary>
public static class FolderTarget
{
    /// <summary>The records held (one per key).</summary>
    public static IReadOnlyList<JsonObject> Records(string target)
    {
        var folder = Path.Combine(target, "records");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToArray() : [];
    }

    /// <summary>Every delivery, in order (a key appears once per time it was sent).</summary>
    public static IReadOnlyList<string> Deliveries(string target)
    {
        var log = Path.Combine(target, "deliveries.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <summary>The numbers held, sorted.</summary>
    public static IReadOnlyList<int> Numbers(string target) => Records(target).Select(r => r["n"]!.GetValue<int>()).Order().ToArray();
}
