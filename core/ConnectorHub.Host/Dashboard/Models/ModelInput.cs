using System.Globalization;
using ConnectorHub.Core.Predictions.Models;

namespace ConnectorHub.Host.Dashboard.Models;

/// <summary>The model settings form: lists travel as text (a name per line, windows separated by commas).</summary>
public sealed class ModelInput
{
    public string? Description { get; set; }

    public int HorizonDays { get; set; } = 90;

    /// <summary>Event names, one per line; empty counts the 10 most frequent.</summary>
    public string? Events { get; set; }

    /// <summary>Windows in days, separated by commas.</summary>
    public string? EventWindows { get; set; } = "7, 30, 90";

    /// <summary>Trait names, one per line.</summary>
    public string? Traits { get; set; }

    public int Trees { get; set; } = 100;

    public int Leaves { get; set; } = 16;

    public int MinimumExamplesPerLeaf { get; set; } = 20;

    /// <summary>Cron expression for training; empty for on demand only.</summary>
    public string? Schedule { get; set; }

    public string? TimeZone { get; set; }

    public static ModelInput From(ModelView model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ModelInput
        {
            Description = model.Description,
            HorizonDays = model.Settings.HorizonDays,
            Events = string.Join('\n', model.Settings.Events),
            EventWindows = string.Join(", ", model.Settings.EventWindows),
            Traits = string.Join('\n', model.Settings.Traits),
            Trees = model.Settings.Trees,
            Leaves = model.Settings.Leaves,
            MinimumExamplesPerLeaf = model.Settings.MinimumExamplesPerLeaf,
            Schedule = model.Schedule,
            TimeZone = model.TimeZone,
        };
    }

    /// <summary>The request for <paramref name="model"/>, or null with <paramref name="problem"/> when the windows are not whole numbers.</summary>
    public ModelRequest? ToRequest(ModelView model, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(model);
        var windows = new List<int>();
        foreach (var part in (EventWindows ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                problem = $"'{part}' is not a number of days; separate windows with commas (7, 30, 90).";
                return null;
            }

            windows.Add(days);
        }

        problem = null;
        return new ModelRequest
        {
            Trait = model.Trait,
            Kind = model.Kind,
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
            Settings = new ModelSettings
            {
                HorizonDays = HorizonDays,
                Events = Lines(Events),
                EventWindows = windows.Count == 0 ? ModelSettings.DefaultEventWindows : windows,
                Traits = Lines(Traits),
                Trees = Trees,
                Leaves = Leaves,
                MinimumExamplesPerLeaf = MinimumExamplesPerLeaf,
            },
            Schedule = string.IsNullOrWhiteSpace(Schedule) ? null : Schedule.Trim(),
            TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
        };
    }

    /// <summary>The form field of a service error's field (<c>settings.traits[0]</c> → <c>Input.Traits</c>).</summary>
    public static string FieldOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = field.Split('[')[0];
        name = name.StartsWith("settings.", StringComparison.Ordinal) ? name["settings.".Length..] : name;
        return "Input." + char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string[] Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
