using System.Globalization;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Scheduling;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Predictions.Models;

/// <summary>Checks a model request, naming each bad field by its JSON path and how to fix it.</summary>
internal static partial class ModelValidation
{
    public static void Check(ModelRequest request, IReadOnlySet<string> modelTraits)
    {
        var errors = new ValidationErrors();
        if (!TraitName().IsMatch(request.Trait ?? string.Empty))
        {
            errors.Add("trait", "Name the trait its scores are written to with 1 to 100 lower-case letters, digits and underscores, starting with a letter (churn_risk).");
        }

        if (!Enum.IsDefined(request.Kind))
        {
            errors.Add("kind", "The kind is Churn or Value.");
        }

        if (request.Description is { Length: > 1000 })
        {
            errors.Add("description", "Keep the description under 1000 characters.");
        }

        Settings(request.Settings ?? new ModelSettings(), modelTraits, errors);
        if (request.Schedule is { } cron && CronSchedule.Problem(cron) is { } problem)
        {
            errors.Add("schedule", $"{problem} Use null to train on demand only.");
        }

        if (request.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add("timeZone", $"'{zone}' is not a time zone this machine knows; use an IANA id such as Europe/Paris, or null for UTC.");
        }

        errors.ThrowIfAny();
    }

    private static void Settings(ModelSettings settings, IReadOnlySet<string> modelTraits, ValidationErrors errors)
    {
        if (settings.HorizonDays is < 7 or > 730)
        {
            errors.Add("settings.horizonDays", "The horizon is 7 to 730 days; the hub needs twice that much order history to train and validate.");
        }

        Names("settings.events", settings.Events, 50, 200, "event names", errors);
        if (settings.EventWindows.Count > 5)
        {
            errors.Add("settings.eventWindows", "Count events in at most 5 windows.");
        }

        for (var i = 0; i < settings.EventWindows.Count; i++)
        {
            if (settings.EventWindows[i] is < 1 or > 730)
            {
                errors.Add(Index("settings.eventWindows", i), "An event window is 1 to 730 days.");
            }
        }

        if (settings.EventWindows.Distinct().Count() != settings.EventWindows.Count)
        {
            errors.Add("settings.eventWindows", "List each window once.");
        }

        Names("settings.traits", settings.Traits, 20, 200, "traits", errors);
        for (var i = 0; i < settings.Traits.Count; i++)
        {
            if (settings.Traits[i] is { } trait && modelTraits.Contains(trait))
            {
                errors.Add(Index("settings.traits", i), $"'{trait}' is a model's score; a model cannot learn from a prediction.");
            }
        }

        if (settings.Trees is < 10 or > 1000)
        {
            errors.Add("settings.trees", "Use 10 to 1000 trees (default 100).");
        }

        if (settings.Leaves is < 2 or > 128)
        {
            errors.Add("settings.leaves", "Use 2 to 128 leaves per tree (default 16).");
        }

        if (settings.MinimumExamplesPerLeaf is < 1 or > 10_000)
        {
            errors.Add("settings.minimumExamplesPerLeaf", "Use 1 to 10000 examples per leaf (default 20).");
        }
    }

    private static void Names(string field, IReadOnlyList<string> names, int most, int longest, string what, ValidationErrors errors)
    {
        if (names.Count > most)
        {
            errors.Add(field, $"List at most {most} {what}.");
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]) || names[i].Length > longest)
            {
                errors.Add(Index(field, i), $"Give a name of 1 to {longest} characters.");
            }
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            errors.Add(field, "List each name once.");
        }
    }

    private static string Index(string field, int index) => $"{field}[{index.ToString(CultureInfo.InvariantCulture)}]";

    [GeneratedRegex("^[a-z][a-z0-9_]{0,99}$")]
    private static partial Regex TraitName();
}
