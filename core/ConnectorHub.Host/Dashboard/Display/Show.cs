using System.Globalization;
using System.Text.Encodings.Web;
using ConnectorHub.Core.Runs;
using Microsoft.AspNetCore.Html;

namespace ConnectorHub.Host.Dashboard.Display;

/// <summary>How the dashboard writes times, durations, counts and statuses.</summary>
public static class Show
{
    /// <summary>A UTC time the browser rewrites in the reader's time zone; "—" for none.</summary>
    public static IHtmlContent Time(DateTimeOffset? at) => at is { } value
        ? new HtmlString($"<time datetime=\"{value.ToUniversalTime():O}\" data-local>{value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time>")
        : new HtmlString("<span class=\"muted\">—</span>");

    /// <summary>A duration in words a person reads at a glance: 850 ms, 12.4 s, 3 min 05 s, 2 h 10 min.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalSeconds: < 1 } d => $"{d.TotalMilliseconds:0} ms",
        { TotalMinutes: < 1 } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.#} s"),
        { TotalHours: < 1 } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes} min {d.Seconds:00} s"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours} h {d.Minutes:00} min"),
    };

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A run's status as a coloured badge.</summary>
    public static IHtmlContent Status(RunStatus status)
    {
        var css = status switch
        {
            RunStatus.Succeeded => "badge-ok",
            RunStatus.Failed => "badge-error",
            RunStatus.Running or RunStatus.Queued => "badge-running",
            RunStatus.Interrupted or RunStatus.Cancelled => "badge-warn",
            _ => "badge-neutral",
        };
        return new HtmlString($"<span class=\"badge {css}\" data-status=\"{status}\">{HtmlEncoder.Default.Encode(status.ToString())}</span>");
    }

    /// <summary>An activation delivery's status as a coloured badge.</summary>
    public static IHtmlContent Delivery(Core.Activation.DeliveryStatus status)
    {
        var css = status switch
        {
            Core.Activation.DeliveryStatus.Succeeded => "badge-ok",
            Core.Activation.DeliveryStatus.Failed => "badge-error",
            _ => "badge-running",
        };
        return new HtmlString($"<span class=\"badge {css}\" data-status=\"{status}\">{HtmlEncoder.Default.Encode(status.ToString())}</span>");
    }

    /// <summary>A yes/no badge.</summary>
    public static IHtmlContent Flag(bool on, string yes, string no) =>
        new HtmlString($"<span class=\"badge {(on ? "badge-ok" : "badge-neutral")}\">{HtmlEncoder.Default.Encode(on ? yes : no)}</span>");

    /// <summary>Whether a run has ended.</summary>
    public static bool IsFinal(RunStatus status) => status is not (RunStatus.Queued or RunStatus.Running);

    /// <summary>"Full refresh" for FullRefresh: enum names as words.</summary>
    public static string Words<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                builder.Append(name[i]);
            }
        }

        return builder.ToString();
    }
}
