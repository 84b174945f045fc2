using System.Text.Json.Nodes;
using Scriban;
using Scriban.Syntax;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>A template parsed once, rendered per record.</summary>
internal sealed class CompiledTemplate(string text, Template template, TemplateEngine engine)
{
    public string Text { get; } = text;

    /// <summary>Renders against <paramref name="context"/>; false with the reason and its position when it fails.</summary>
    public bool TryRender(JsonNode context, out string output, out string error)
    {
        var render = engine.Rent();
        try
        {
            output = render.Render(template, context);
            error = string.Empty;
            return true;
        }
        catch (ScriptAbortException ex)
        {
            output = string.Empty;
            error = $"the template ran past its time limit of {engine.Limits.RenderTimeLimit.TotalMilliseconds:0} ms at {TemplatePosition.Of(ex.Span)}";
            return false;
        }
        catch (ScriptRuntimeException ex)
        {
            output = string.Empty;
            error = $"the template failed at {TemplatePosition.Of(ex.Span)}: {ex.OriginalMessage}";
            return false;
        }
        catch (Exception ex)
        {
            // A record must never stop a run: whatever a template trips over is this record's error.
            output = string.Empty;
            error = $"the template failed: {ex.Message}";
            return false;
        }
        finally
        {
            engine.Return(render);
        }
    }
}
