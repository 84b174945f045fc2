using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace ConnectorHub.Host.Dashboard.Models;

/// <summary>
/// Small charts drawn as SVG on the server: sizes are SVG attributes, colours come from models.css, so the pages keep
/// the Content-Security-Policy (no inline style, no script).
/// </summary>
public static class Bars
{
    /// <summary>A horizontal bar filled to <paramref name="fraction"/> (0 to 1) of its width.</summary>
    public static IHtmlContent Bar(double fraction, string label)
    {
        var width = Number(Math.Clamp(fraction, 0, 1) * 100);
        return new HtmlString(
            $"<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{Encode(label)}\"><rect class=\"bar-track\" width=\"100\" height=\"10\"></rect><rect class=\"bar-fill\" width=\"{width}\" height=\"10\"></rect></svg>");
    }

    /// <summary>Columns of <paramref name="counts"/>, the tallest filling the height, each titled with its label.</summary>
    public static IHtmlContent Columns(IReadOnlyList<(string Label, long Count)> counts, string label)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var max = Math.Max(1, counts.Count == 0 ? 1 : counts.Max(c => c.Count));
        var rects = counts.Select((c, i) =>
        {
            var height = c.Count * 96.0 / max;
            return $"<rect class=\"column\" x=\"{Number((i * 10) + 1)}\" y=\"{Number(100 - height)}\" width=\"8\" height=\"{Number(height)}\"><title>{Encode(c.Label)}: {c.Count.ToString("N0", CultureInfo.InvariantCulture)}</title></rect>";
        });
        return new HtmlString(
            $"<svg class=\"columns\" viewBox=\"0 0 {Number(Math.Max(1, counts.Count) * 10)} 100\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{Encode(label)}\">{string.Concat(rects)}</svg>");
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);
}
