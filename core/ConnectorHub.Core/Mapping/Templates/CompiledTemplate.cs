using System.Text.Json.Nodes;
using HandlebarsDotNet;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>A template compiled once, rendered per record.</summary>
internal sealed class CompiledTemplate(string text, HandlebarsTemplate<object, object> render)
{
    public string Text { get; } = text;

    /// <summary>Renders against <paramref name="context"/>; false with the reason when a helper fails.</summary>
    public bool TryRender(JsonNode context, out string output, out string error)
    {
        try
        {
            output = render(context);
            error = string.Empty;
            return true;
        }
        catch (Exception ex)
        {
            // A record must never stop a run: any failure while rendering is this record's error.
            output = string.Empty;
            error = Unwrap(ex);
            return false;
        }
    }

    private static string Unwrap(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (current is TemplateFailedException failed)
            {
                return failed.Message;
            }
        }

        return $"the template failed: {ex.Message}";
    }
}
