using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Dashboard.Schedules;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Segments;

/// <summary>Creates or edits a segment: the rule editor with a live count, and the refresh schedule.</summary>
public sealed class EditModel(SegmentService segments, SegmentQueries queries, SchedulePreviewer previewer) : DashboardPage
{
    [BindProperty]
    public SegmentInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public SchedulePreview Schedule { get; private set; } = null!;

    /// <summary>The count preview shown under the editor (also what the live count handler renders).</summary>
    public CountPreview Count { get; private set; } = CountPreview.None;

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        IsNew = id is null;
        if (id is { } existing)
        {
            try
            {
                Input = SegmentInput.From(await segments.GetAsync(existing, cancellationToken));
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        Schedule = previewer.Preview(Input.ScheduleCron, Input.ScheduleTimeZone);
        Count = await CountPreview.ForAsync(queries, Input.Definition, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        IsNew = id is null;
        try
        {
            var request = Input.ToRequest(RuleText.Parse(Input.Definition));
            var saved = id is { } existing ? await segments.UpdateAsync(existing, request, cancellationToken) : await segments.CreateAsync(request, cancellationToken);
            Flash(IsNew ? $"The segment '{saved.Name}' was created; its first refresh computes its members." : "Saved.");
            return Redirect($"/segments/{saved.Id}");
        }
        catch (HubValidationException error)
        {
            AddErrors(error, FieldFor);
        }

        Schedule = previewer.Preview(Input.ScheduleCron, Input.ScheduleTimeZone);
        Count = await CountPreview.ForAsync(queries, Input.Definition, cancellationToken);
        return Page();
    }

    public IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The schedule explanation, as the cron expression is typed.</summary>
    public IActionResult OnGetPreview(string? cron, string? zone) => Partial("_SchedulePreview", previewer.Preview(cron, zone));

    /// <summary>The live count: the editor posts its text here as it changes.</summary>
    public async Task<IActionResult> OnPostCountAsync(CancellationToken cancellationToken) =>
        Refuse(CanOperate) ?? Partial("_CountPreview", await CountPreview.ForAsync(queries, Input.Definition, cancellationToken));

    private static string FieldFor(string field) => field switch
    {
        _ when field.StartsWith('$') => "Input.Definition",
        "name" or "Name" => "Input.Name",
        "schedule" or "Schedule" => "Input.ScheduleCron",
        "timeZone" or "TimeZone" => "Input.ScheduleTimeZone",
        _ when field.StartsWith("definition", StringComparison.OrdinalIgnoreCase) => "Input.Definition",
        _ => string.Empty,
    };
}
